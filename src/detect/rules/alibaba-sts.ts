import type { Rule } from '../types';
import { assignment, B_END, B_START, bareToken } from '../patterns';

export const alibabaStsAccessKeyId: Rule = {
  id: 'alibaba-sts-access-key-id',
  name: 'Alibaba Cloud STS AccessKeyId',
  provider: 'Alibaba Cloud',
  severity: 'high',
  kind: 'key',
  advice: 'alibaba-sts',
  description: 'Temporary (STS) AccessKeyId: STS. followed by 20 to 40 letters and digits',
  detectors: [
    // Not followed by `*`: documentation and logs mask the tail (the STS. prefix, a few characters, then ****).
    { keywords: ['sts.'], pattern: new RegExp(`${B_START}(?<secret>STS\\.[A-Za-z0-9]{20,40})${B_END}(?!\\*)`, 'g') },
  ],
  shape: { stripPrefix: 'STS.', minClasses: 2, minEntropy: 3.2, rejectIdentifiers: true },
  examples: {
    positive: ['accessKeyId: "{{sts_id}}"', 'ALIBABA_CLOUD_ACCESS_KEY_ID={{sts_id}}'],
    negative: [
      'resp = STS.{{lit:AssumeRoleWithSAMLResponse}}()',
      'client = STS.{{lit:GetCallerIdentityRequest123}}()',
      'id = "STS.{{rep:x:25}}"',
      'id = "STS.<your-sts-access-key-id>"',
      '"AccessKeyId": "STS.{{alnum:21}}****",',
    ],
  },
};

export const alibabaStsSecurityToken: Rule = {
  id: 'alibaba-sts-security-token',
  name: 'Alibaba Cloud STS SecurityToken',
  provider: 'Alibaba Cloud',
  severity: 'high',
  kind: 'key',
  advice: 'alibaba-sts',
  description: 'STS SecurityToken: CAIS followed by a long base64 string',
  detectors: [
    {
      keywords: ['cais'],
      pattern: new RegExp(`(?<![A-Za-z0-9+/])(?<secret>CAIS[A-Za-z0-9+/]{100,4096}={0,2})(?![A-Za-z0-9+/=])`, 'g'),
    },
  ],
  shape: { stripPrefix: 'CAIS', minClasses: 3, minEntropy: 4.5 },
  examples: {
    positive: ['securityToken = "{{sts_token}}"', 'ALIBABA_CLOUD_SECURITY_TOKEN={{sts_token}}'],
    negative: ['CAISO = "California ISO"', 'token = "CAIS{{rep:A:120}}"', 'token = "CAIS{{alnum:60}}"'],
  },
};

/** An STS id (`STS.` + letters and digits) somewhere in the staged file. */
const HAS_STS_ID = /(?<![A-Za-z0-9])STS\.[A-Za-z0-9]{20,40}(?![A-Za-z0-9])/;

export const alibabaStsAccessKeySecret: Rule = {
  id: 'alibaba-sts-access-key-secret',
  name: 'Alibaba Cloud STS AccessKeySecret',
  provider: 'Alibaba Cloud',
  severity: 'high',
  kind: 'key',
  advice: 'alibaba-sts',
  description: 'Temporary (STS) AccessKeySecret: 44 letters and digits under a secret-like name, or beside an STS id in the same file',
  detectors: [
    {
      keywords: ['secret'],
      pattern: assignment('[A-Za-z0-9_.-]{0,40}(?:[Ss]ecret|SECRET)[A-Za-z0-9_.-]{0,40}', '[A-Za-z0-9]{44}'),
    },
    { keywords: [], fileContext: HAS_STS_ID, pattern: bareToken('[A-Za-z0-9]', '{44}') },
  ],
  // Two classes, not three: about 1 real secret in 2,500 has no digit in its 44 characters.
  shape: { minClasses: 2, minEntropy: 4, rejectIdentifiers: true, rejectHex: true },
  pairsWith: 'alibaba-sts-access-key-id',
  examples: {
    positive: ['accessKeySecret: "{{alnum:44}}"', 'ALIBABA_CLOUD_ACCESS_KEY_SECRET={{alnum:44}}', 'creds = ("{{sts_id}}", "{{alnum:44}}")'],
    negative: [
      'VOLC_SECRETKEY = "{{alnum:44}}/{{b64:16}}=="',
      'accessKeySecret: "{{rep:x:44}}"',
      'digest = "{{alnum:44}}"',
      // A bundled API model names a field beside an STS example id: a name, not a secret.
      'id = "{{sts_id}}"\n{"{{lit:PreviousRotationWindowsCountedInWeeksAverage}}":{"type":"integer"}}',
      'secret = "{{b64:43}}="',
      // A type name of words with an acronym (OAuth) beside an STS id.
      'id = "{{sts_id}}"\ntype Rotate = {{lit:OAuthApplicationRotateSecretSecretKeyPayload}};',
    ],
  },
};
