import type { Rule } from '../types';
import { assignment } from '../patterns';
import { GENERIC_SECRET_NAME, SECRET30 } from '../alibaba-context';
import { isWordsInCase, shannonEntropy } from '../filters';
import { isPublishedExampleSecret } from '../published-examples';

/**
 * Letters of both cases and the entropy of random characters: a 32-character random string has
 * about 4.6 bits, and below 3.9 once in 10,000. (No digit is asked for: a 40-character random
 * key has none once in 900.)
 */
const isRandomKey = (s: string): boolean =>
  /[A-Z]/.test(s) && /[a-z]/.test(s) && shannonEntropy(s) >= 3.7 && !isWordsInCase(s) && !isPublishedExampleSecret(s);

/**
 * A 30-character random value under a generic secret name (client_secret, appSecret, sk) in a
 * file that says nothing of Alibaba Cloud: it has the shape of an AccessKeySecret, but calling it
 * one (with Alibaba rotation advice) would send the user to the wrong console. In a file that
 * names Alibaba Cloud, `alibaba-access-key-secret` reports the same value first.
 */
/** The S3 API's own name for a secret key, as SDKs and CLI configs write it (not a longer name that ends in it). */
const S3_SECRET_NAME = '(?<![A-Za-z0-9_])(?:[Ss]ecret_?[Aa]ccess_?[Kk]ey|SecretAccessKey|SECRET_ACCESS_KEY)';

/**
 * A name a storage or platform SDK gives its secret (secret_key, secretKey, SECRET_KEY, appSecret,
 * app_secret), not glued to a longer word before it nor part of an ARN. (A bare `secret` and
 * OAuth's client and consumer secrets are not among them: SDK docs and tests are full of their
 * published examples.)
 */
const WIDE_NAME = '(?<![A-Za-z0-9:/])(?:[A-Za-z0-9]{0,30}[_.-]?)?(?:[Ss]ecret_?[Kk]ey|SECRET_?KEY|[Aa]pp_?[Ss]ecret|APP_?SECRET)';

export const genericSecret: Rule = {
  id: 'generic-secret',
  name: 'Secret under a secret-like name',
  provider: 'Generic',
  severity: 'high',
  kind: 'key',
  advice: 'token',
  description:
    'A random 30-character value under a secret-like name (secret, client_secret, appSecret, sk, 密钥) in a file that does not name Alibaba Cloud; a random value of 32-64 letters and digits (both cases) under the secret name of a storage or platform SDK (secret_key, secretKey, app_secret: Qiniu, MinIO, Feishu, DingTalk); a random 40-character value under the S3-style name secretAccessKey / secret_access_key in a file that names no cloud (Huawei OBS, MinIO, Ceph and other S3-compatible stores use it too)',
  detectors: [
    { keywords: ['secret', 'sk', '密钥', '秘钥'], pattern: assignment(GENERIC_SECRET_NAME, SECRET30) },
    // The S3-compatible secret under its own name, where no cloud's rule claims it (those run first).
    { keywords: ['secretaccesskey', 'secret_access_key'], pattern: assignment(S3_SECRET_NAME, '[A-Za-z0-9/+]{40}') },
    // A longer random value under a secret name (Qiniu's and MinIO's 40-character secret_key /
    // secretKey, an app secret of 32-64 characters): letters of both cases and digits, as random as a key.
    // (Not one a mask ends, as documentation samples show them: `"AccessKeySecret": "CVwj…v2****"`.)
    { keywords: ['secret'], pattern: assignment(WIDE_NAME, '[A-Za-z0-9+/_-]{32,64}={0,2}(?![*•])'), validate: isRandomKey },
  ],
  fallback: true,
  shape: { minClasses: 2, minEntropy: 3.6, rejectIdentifiers: true, rejectHex: true },
  examples: {
    positive: [
      'client_secret = "{{ak_secret}}"',
      'APP_SECRET={{ak_secret}}',
      '  secret_key: {{ak_secret}}',
      'const sk = "{{ak_secret}}";',
      '短信.密钥={{ak_secret}}',
      '      "secretAccessKey": "{{alnum:40}}",',
      'secret_access_key = {{b64:40}}',
      'secret_key = "{{alnum:40}}"',
      '      "secretKey": "{{alnum:40}}",',
      'FEISHU_APP_SECRET={{alnum:32}}',
      'dingtalk.appSecret={{alnum:64}}',
    ],
    negative: [
      'client_secret = "{{hex:30}}"',
      'secretName = "AbcdefghijklmnopqrstuvwxyzAbcd"',
      'client_secret = os.environ["CLIENT_SECRET"]',
      'client_secret = "{{alnum:31}}"',
      'task = "{{alnum:30}}"',
      'secretAccessKey: "{{hex:40}}"',
      'secretAccessKey: process.env.SECRET_ACCESS_KEY,',
      'rotateSecretAccessKey = "{{alnum:40}}"',
      'secret_key = "{{lower:40}}"',
      'secretKey: "{{rep:A:20}}{{digits:20}}"',
      '"AccessKeySecret": "{{alnum:40}}****",',
      'Example: arn:aws:secretsmanager:region:account-number:secretKey:myselfmanagedADtestsecret-123456',
      'oauthApplicationRotateSecretKey: OAuthApplicationRotateSecretPayload;',
      'MasterUserSecretKey:convertCfnDBClusterMasterUserSecretPropertyToCloudFormation(properties.masterUserSecret)',
      '"TotpSecretKey","_fromStartTotpMfaEnrollmentResponse","FACTOR_ID"',
      'constructor(tenantId, clientSecretOrRefreshToken, {{lit:refreshTokenOrCallbackUriValue}}, options) {',
    ],
  },
};
