import type { Rule } from '../types';
import { B_END, B_START } from '../patterns';

export const alibabaAccessKeyId: Rule = {
  id: 'alibaba-access-key-id',
  name: 'Alibaba Cloud AccessKeyId',
  provider: 'Alibaba Cloud',
  severity: 'critical',
  kind: 'key',
  advice: 'alibaba',
  description: 'AccessKeyId: LTAI followed by 12 or 20 letters and digits',
  detectors: [
    {
      keywords: ['ltai'],
      pattern: new RegExp(`${B_START}(?<secret>LTAI[A-Za-z0-9]{12}(?:[A-Za-z0-9]{8})?)${B_END}`, 'g'),
    },
  ],
  shape: { stripPrefix: 'LTAI', minClasses: 2, minEntropy: 2.5, rejectIdentifiers: true },
  examples: {
    positive: [
      'accessKeyId = "{{ak_id}}"',
      'ALIBABA_CLOUD_ACCESS_KEY_ID={{ak_id}}',
      'export ALICLOUD_ACCESS_KEY={{ak_id16}}',
      '  "AccessKeyId": "{{ak_id}}",',
      'url = "https://oss.example.com/?OSSAccessKeyId={{ak_id}}&x=1"',
      'KEY_{{ak_id}}',
    ],
    negative: [
      'accessKeyId = "LTAI{{rep:*:20}}"',
      'accessKeyId = "LTAI{{rep:x:20}}"',
      'accessKeyId = "<yourAccessKeyId>"',
      'const DELTAINDEXES = 1 // DELTAI{{alnum:12}}',
      'ltai{{alnum:20}}',
      'LTAI{{alnum:16}}',
      'LTAI{{alnum:21}}',
      'accessKeyId = os.environ["ALIBABA_CLOUD_ACCESS_KEY_ID"]',
    ],
  },
};
