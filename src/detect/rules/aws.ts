import type { Rule } from '../types';
import { assignment, bareToken, envNameLine, envValueLine, standalone } from '../patterns';

const HAS_AWS_ID = /(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z2-7]{16}(?![A-Za-z0-9])/;
/** A file that talks to AWS or an S3-compatible store. */
const AWS_FILE = /aws|amazon|boto|(?<![A-Za-z])s3|minio|(?:AKIA|ASIA)[A-Z2-7]{16}/i;

/** aws_session_token, AWS_SESSION_TOKEN, SessionToken, sessionToken (also aws_security_token, the old boto name). */
const SESSION_TOKEN_NAME = '(?<![A-Za-z0-9])(?:[A-Za-z0-9]{0,30}[_.-])?(?:[Ss]ession_?[Tt]oken|SESSION_?TOKEN)';
/** STS session tokens are base64 of a few hundred bytes (IQoJb3JpZ2luX2Vj…, FwoGZXIvYXdzE…). */
const SESSION_TOKEN = '[A-Za-z0-9/+]{100,2000}={0,2}';

export const awsAccessKeyId: Rule = {
  id: 'aws-access-key-id',
  name: 'AWS access key id',
  provider: 'AWS',
  severity: 'critical',
  kind: 'key',
  advice: 'cloud',
  description: 'AWS access key id AKIA… (long-term) or ASIA… (temporary); the documented …EXAMPLE keys are ignored',
  detectors: [{ keywords: ['akia', 'asia'], pattern: standalone('(?:AKIA|ASIA)[A-Z2-7]{16}') }],
  // 16 random characters of 32 sometimes fall below 2.8 bits (a draw with letters repeated three
  // times): the floor is only there to drop fillers, which the placeholder checks also catch.
  shape: { stripPrefix: 'AKIA', minEntropy: 2.5 },
  examples: {
    positive: ['aws_access_key_id = {{aws_id:AKIA}}', 'AWS_ACCESS_KEY_ID="{{aws_id:ASIA}}"'],
    negative: ['aws_access_key_id = AKIA{{upper:9}}EXAMPLE', 'AKIA{{rep:A:16}}', 'ASIAN_MARKETS = "ASIA{{lower:16}}"'],
  },
};

export const awsSecretAccessKey: Rule = {
  id: 'aws-secret-access-key',
  name: 'AWS secret access key',
  provider: 'AWS',
  severity: 'critical',
  kind: 'key',
  advice: 'cloud',
  description:
    'AWS secret access key (40 base64 characters) under an AWS secret name, or beside an access key id in the same file; the session token of temporary credentials',
  detectors: [
    {
      keywords: ['aws'],
      pattern: assignment(
        '[A-Za-z0-9_.-]{0,30}(?:aws|AWS|Aws)[A-Za-z0-9_.-]{0,30}(?:[Ss]ecret|SECRET)[A-Za-z0-9_.-]{0,20}',
        '[A-Za-z0-9/+]{40}',
      ),
    },
    {
      // The bare name (secretAccessKey, secret_access_key) is also what Huawei OBS and other
      // S3-compatible SDKs call their secret: only in a file that talks to AWS or S3, so that in a
      // Huawei Cloud file the Huawei rule (earlier in the catalogue) reports it.
      keywords: [],
      fileContext: AWS_FILE,
      pattern: assignment('[Ss]ecret_?[Aa]ccess_?[Kk]ey|SECRET_ACCESS_KEY', '[A-Za-z0-9/+]{40}'),
    },
    { keywords: [], fileContext: HAS_AWS_ID, pattern: bareToken('[A-Za-z0-9/+]', '{40}') },
    // Kubernetes and Helm env lists: `- name: AWS_SECRET_ACCESS_KEY` then `value: "…"`.
    {
      keywords: ['aws'],
      pattern: envNameLine('[A-Za-z0-9_.-]{0,30}(?:aws|AWS|Aws)[A-Za-z0-9_.-]{0,30}(?:[Ss]ecret|SECRET)[A-Za-z0-9_.-]{0,20}'),
      nextLine: envValueLine('[A-Za-z0-9/+]{40}'),
    },
    // The session token of temporary (ASIA…) credentials: a long base64 string that signs like the
    // secret beside it (aws_session_token in ~/.aws/credentials, AWS_SESSION_TOKEN, sessionToken).
    { keywords: ['session_token', 'sessiontoken', 'session-token'], pattern: assignment(SESSION_TOKEN_NAME, SESSION_TOKEN) },
  ],
  shape: { minClasses: 2, minEntropy: 4, rejectHex: true, rejectIdentifiers: true },
  pairsWith: 'aws-access-key-id',
  examples: {
    positive: [
      'aws_secret_access_key = {{b64:40}}',
      'AWS_SECRET_ACCESS_KEY="{{b64:40}}"',
      'new BasicAWSCredentials("{{aws_id:AKIA}}", "{{b64:40}}");',
      'const s3 = new S3Client({ credentials: { accessKeyId: key, secretAccessKey: "{{b64:40}}" } });',
      'aws_session_token = {{b64:320}}',
      'export AWS_SESSION_TOKEN="{{b64:300}}=="',
      '    SessionToken: "{{b64:400}}",',
      '        - name: AWS_SECRET_ACCESS_KEY\n          value: "{{b64:40}}"',
    ],
    negative: [
      'obs = ObsClient(access_key_id=ak, secret_access_key="{{alnum:40}}", server="https://obs.cn-north-4.myhuaweicloud.com")',
      'aws_secret_access_key = {{b64:30}}EXAMPLEKEY',
      'AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY}',
      'commit = "{{hex:40}}"',
      // Generated API typings and doc links in an SDK that also shows an example id: names and paths, not keys.
      'id = "{{aws_id:AKIA}}"\nget scaling(): Cfn.{{lit:DatabaseV2ReplicaConfigurationProperties}} | undefined;',
      'id = "{{aws_id:AKIA}}"\nexport interface {{lit:AttachReplicaToClusterGroupRequestDetail}} {',
      'id = "{{aws_id:AKIA}}"\n * see <a href="https://docs.aws.amazon.{{lit:org/API/current/UserGuide/TokenRotations}}.html">',
      'aws_session_token = ${AWS_SESSION_TOKEN}',
      'sessionToken = "{{hex:128}}"',
      'session_token = request.cookies.get("session_token")',
      '        - name: AWS_SECRET_ACCESS_KEY\n          valueFrom:',
    ],
  },
};
