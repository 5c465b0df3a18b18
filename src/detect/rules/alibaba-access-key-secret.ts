import type { Rule } from '../types';
import { passesShape } from '../filters';
import { decodeBase64Text } from '../encoded';
import { assignment, bareToken, envEntry, envNameLine, envValueLine } from '../patterns';
import { ALIBABA_SECRET_NAME, GENERIC_SECRET_NAME, HAS_ACCESS_KEY_ID, NAMES_ALIBABA, SECRET30 } from '../alibaba-context';

/** SDK calls that take the secret as a positional argument: AcsClient(id, secret, region), oss2.Auth(id, secret)… */
const SDK_CALL =
  '(?:AcsClient|oss2\\.Auth|StsAuth|getProfile|AccessKeyCredential|StaticCredentialsProvider|DefaultCredentialProvider|OSSClientBuilder\\(\\)\\.build|OSSClient|NewClientWithAccessKey|NewClientWithStsToken|oss\\.New)';

/** `passwd-ossfs`: `bucket:AccessKeyId:AccessKeySecret` (or `AccessKeyId:AccessKeySecret`). */
const OSSFS_LINE = /^(?:[a-z0-9][a-z0-9-]{1,62}:)?[A-Za-z0-9]{16,24}:[A-Za-z0-9]{30}$/;

/** Environment variable names of an AccessKeySecret: ALIBABA_CLOUD_ACCESS_KEY_SECRET, ALICLOUD_SECRET_KEY, OSS_SK. */
const ENV_SECRET_NAME =
  '[A-Za-z0-9_.-]{0,40}(?:ACCESS_?KEY_?SECRET|[Aa]ccess_?[Kk]ey_?[Ss]ecret)|(?:ALI|OSS)[A-Z0-9_]{0,30}(?:SECRET|_SK)[A-Z0-9_]{0,20}';

const SHAPE = { minClasses: 2, minEntropy: 3.6, rejectIdentifiers: true, rejectHex: true };

function isEncodedSecret(b64: string): boolean {
  const text = decodeBase64Text(b64);
  return text !== null && /^[A-Za-z0-9]{30}$/.test(text) && passesShape(text, SHAPE);
}

export const alibabaAccessKeySecret: Rule = {
  id: 'alibaba-access-key-secret',
  name: 'Alibaba Cloud AccessKeySecret',
  provider: 'Alibaba Cloud',
  severity: 'critical',
  kind: 'key',
  advice: 'alibaba',
  description:
    'AccessKeySecret: 30 letters and digits under an Alibaba secret name (or any secret-like name in a file that names Alibaba Cloud), as an SDK argument, in passwd-ossfs, or beside an AccessKeyId anywhere in the same file; base64 of a secret (Kubernetes Secret data)',
  detectors: [
    // A name that says Alibaba by itself (accessKeySecret, ALIYUN_SK, aksk)…
    { keywords: ['secret', 'aksk', 'ak_sk', 'sk', '密钥', '秘钥'], pattern: assignment(ALIBABA_SECRET_NAME, SECRET30) },
    // …or a generic one (secret, client_secret, sk) in a file that names Alibaba Cloud; elsewhere
    // the same value is a `generic-secret`.
    { keywords: [], fileContext: NAMES_ALIBABA, pattern: assignment(GENERIC_SECRET_NAME, SECRET30) },
    // Name/value environment entries: `- name: ALIBABA_CLOUD_ACCESS_KEY_SECRET` then `value: "…"`
    // (Kubernetes, Helm), `{"name": "…", "value": "…"}` (task definitions), Terraform `env {}`.
    {
      keywords: ['secret', 'aksk', 'ak_sk', 'sk'],
      pattern: envNameLine(ENV_SECRET_NAME),
      nextLine: envValueLine(SECRET30),
    },
    { keywords: ['secret', 'aksk', 'ak_sk', 'sk'], pattern: envEntry(ENV_SECRET_NAME, SECRET30) },
    {
      keywords: ['acsclient', 'auth(', 'getprofile', 'credential', '.build(', 'ossclient', 'newclientwith', 'oss.new('],
      pattern: new RegExp(`${SDK_CALL}\\([^;]{0,200}?["'](?<secret>${SECRET30})["']`, 'g'),
    },
    {
      keywords: [],
      fileContext: OSSFS_LINE,
      candidate: '[A-Za-z0-9]{30}',
      pattern: new RegExp(`^(?:[a-z0-9][a-z0-9-]{1,62}:)?[A-Za-z0-9]{16,24}:(?<secret>${SECRET30})$`, 'g'),
    },
    // Encoded (Kubernetes Secret data): 40 base64 characters that decode to a random 30-character secret.
    {
      keywords: ['secret', 'aksk', 'ak_sk', 'sk', '密钥', '秘钥'],
      pattern: assignment(GENERIC_SECRET_NAME, '[A-Za-z0-9+/]{40}'),
      validate: isEncodedSecret,
    },
    // A rotated secret whose id line did not change: the id anywhere in the staged file makes any
    // standalone 30-character token of the added lines a suspect.
    { keywords: [], fileContext: HAS_ACCESS_KEY_ID, pattern: bareToken('[A-Za-z0-9]', '{30}') },
  ],
  shape: SHAPE,
  pairsWith: 'alibaba-access-key-id',
  examples: {
    positive: [
      'accessKeySecret = "{{ak_secret}}"',
      'ALIBABA_CLOUD_ACCESS_KEY_SECRET={{ak_secret}}',
      'ALIBABACLOUD_ACCESS_KEY_SECRET={{ak_secret}}',
      'export ALICLOUD_SECRET_KEY="{{ak_secret}}"',
      'ALIYUN_ACCESS_KEY_SECRET: {{ak_secret}}',
      '  "AccessKeySecret": "{{ak_secret}}",',
      '  "access_key_secret": "{{ak_secret}}",',
      'access_key_secret: {{ak_secret}}',
      'client = AcsClient("{{ak_id}}", "{{ak_secret}}", "cn-hangzhou")',
      'client = AcsClient(os.environ["ID"], "{{ak_secret}}", "cn-hangzhou")',
      'auth = oss2.Auth(key_id, "{{ak_secret}}")',
      'DefaultProfile.getProfile("cn-hangzhou", accessKeyId, "{{ak_secret}}");',
      'const client = new OSS({ region: "oss-cn-hangzhou", accessKeyId: id, accessKeySecret: "{{ak_secret}}" });',
      'config.put("accessKeySecret", "{{ak_secret}}");',
      '<AccessKeySecret>{{ak_secret}}</AccessKeySecret>',
      'spring.cloud.alicloud.secret-key={{ak_secret}}',
      'provider "alicloud" {\n  secret_key = "{{ak_secret}}"\n}',
      'accessKeySecret={{ak_secret}}',
      'my-bucket:{{ak_id}}:{{ak_secret}}',
      'my-bucket:{{alnum:16}}:{{ak_secret}}',
      'ak = "{{ak_id}}"; sk = "{{ak_secret}}"',
      'ALIYUN_SK={{ak_secret}}',
      'AccessKey Secret：{{ak_secret}}',
      'aliyun.sms.endpoint=dysmsapi.aliyuncs.com\n短信.密钥={{ak_secret}}',
      '阿里云秘钥: "{{ak_secret}}"',
      'client, err := sdk.NewClientWithAccessKey("cn-hangzhou", os.Getenv("ALIYUN_AK"), "{{ak_secret}}")',
      'OSS ossClient = new OSSClient(endpoint, accessKeyId, "{{ak_secret}}");',
      '  ALIBABA_CLOUD_ACCESS_KEY_SECRET: {{enc:ak_secret}}',
      '            - name: ALIBABA_CLOUD_ACCESS_KEY_SECRET\n              value: "{{ak_secret}}"',
      '{"name": "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "value": "{{ak_secret}}"}',
      // Postman: a collection's or an environment's variables.
      '{"key": "accessKeySecret", "value": "{{ak_secret}}", "enabled": true}',
      '        {\n          "key": "ALIYUN_ACCESS_KEY_SECRET",\n          "value": "{{ak_secret}}",',
    ],
    negative: [
      'accessKeySecret = "your-access-key-secret"',
      'accessKeySecret = "{{rep:x:30}}"',
      'accessKeySecret = "{{rep:*:30}}"',
      'accessKeySecret = os.getenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET")',
      'accessKeySecret = "${ALIBABA_CLOUD_ACCESS_KEY_SECRET}"',
      'accessKeySecret: {{ .Values.alibaba.accessKeySecret }}',
      'ALIBABA_CLOUD_ACCESS_KEY_SECRET: ${{ secrets.ALIBABA_CLOUD_ACCESS_KEY_SECRET }}',
      'secret = "{{hex:30}}"',
      'sha = "{{hex:40}}"',
      'secretKey = "{{alnum:31}}"',
      'id = "{{uuid}}"',
      'accessKeySecret = "请填入你的AccessKeySecret"',
      'accessKeySecret = "替换为您的AccessKeySecret"',
      'client = AcsClient("<accessKeyId>", "<accessSecret>", "cn-hangzhou")',
      'auth = oss2.Auth(os.getenv("OSS_ID"), os.getenv("OSS_SECRET"))',
      'secretName = "AbcdefghijklmnopqrstuvwxyzAbcd"',
      'secretRef = "GetSecretValueRequestWithOptio"',
      'PRODUCT_SKU_CODE = "{{alnum:30}}"',
      'task = "{{alnum:30}}"',
      '  ALIBABA_CLOUD_ACCESS_KEY_SECRET: {{b64:40}}',
      'client_secret = "{{ak_secret}}"',
      '短信.密钥={{ak_secret}}',
      '            - name: ALIBABA_CLOUD_ACCESS_KEY_SECRET\n              valueFrom:',
      '            - name: ALIBABA_CLOUD_ACCESS_KEY_SECRET\n              value: "{{ .Values.alibaba.secret }}"',
    ],
  },
};
