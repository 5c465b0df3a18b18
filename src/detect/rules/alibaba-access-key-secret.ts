import type { Rule } from '../types';
import { assignment, B_END } from '../patterns';

/** A bare 30-character AccessKeySecret, bounded so it is not part of a longer token. */
const SECRET30 = '[A-Za-z0-9]{30}';
/** An AccessKeyId somewhere in the staged file makes any 30-character token beside it a suspect. */
const HAS_ACCESS_KEY_ID = /(?<![A-Za-z0-9])LTAI[A-Za-z0-9]{12}(?:[A-Za-z0-9]{8})?(?![A-Za-z0-9])/;

/** Names under which people store the secret: accessKeySecret, ALICLOUD_SECRET_KEY, secret-key, ak_secret… */
const SECRET_NAME = '[A-Za-z0-9_.-]{0,40}(?:[Ss]ecret|SECRET|[Aa][Kk]_?[Ss][Kk])[A-Za-z0-9_.-]{0,40}';

export const alibabaAccessKeySecret: Rule = {
  id: 'alibaba-access-key-secret',
  name: 'Alibaba Cloud AccessKeySecret',
  provider: 'Alibaba Cloud',
  severity: 'critical',
  kind: 'key',
  advice: 'alibaba',
  description: 'AccessKeySecret: 30 letters and digits under a secret-like name, or beside an AccessKeyId in the same file',
  detectors: [
    { keywords: ['secret', 'aksk', 'ak_sk'], pattern: assignment(SECRET_NAME, SECRET30) },
    {
      keywords: [],
      fileContext: HAS_ACCESS_KEY_ID,
      candidate: '[A-Za-z0-9]{30}',
      pattern: new RegExp(`(?<![A-Za-z0-9+/=_-])(?<secret>${SECRET30})(?![A-Za-z0-9+/=_-])${B_END}`, 'g'),
    },
  ],
  shape: { minClasses: 2, minEntropy: 3.6, rejectIdentifiers: true, rejectHex: true },
  examples: {
    positive: [
      'accessKeySecret = "{{ak_secret}}"',
      'ALIBABA_CLOUD_ACCESS_KEY_SECRET={{ak_secret}}',
      'export ALICLOUD_SECRET_KEY="{{ak_secret}}"',
      '  "AccessKeySecret": "{{ak_secret}}",',
      'access_key_secret: {{ak_secret}}',
      'client = AcsClient("{{ak_id}}", "{{ak_secret}}", "cn-hangzhou")',
      'config.put("accessKeySecret", "{{ak_secret}}");',
      '<AccessKeySecret>{{ak_secret}}</AccessKeySecret>',
      'spring.cloud.alicloud.secret-key={{ak_secret}}',
    ],
    negative: [
      'accessKeySecret = "your-access-key-secret"',
      'accessKeySecret = "{{rep:x:30}}"',
      'accessKeySecret = os.getenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET")',
      'accessKeySecret = "${ALIBABA_CLOUD_ACCESS_KEY_SECRET}"',
      'secret = "{{hex:30}}"',
      'sha = "{{hex:40}}"',
      'secretKey = "{{alnum:31}}"',
      'id = "{{uuid}}"',
    ],
  },
};
