import type { Rule } from '../types';
import { assignment, SECRET_KEY_NAME, standalone } from '../patterns';

export const baiduCloudAccessKey: Rule = {
  id: 'baidu-cloud-access-key',
  name: 'Baidu AI Cloud AccessKey',
  provider: 'Baidu AI Cloud',
  severity: 'critical',
  kind: 'key',
  advice: 'cloud',
  description: 'Baidu AI Cloud (BCE) AccessKey ALTAK…, bce-v3/ALTAK-… credentials, and the 32-character SecretKey in a BCE file',
  detectors: [
    { keywords: ['altak'], pattern: standalone('ALTAK[A-Za-z0-9]{15,40}') },
    { keywords: ['bce-v3/'], pattern: new RegExp('bce-v3/(?<secret>ALTAK-[A-Za-z0-9]{10,40}/[A-Za-z0-9]{20,80})(?![A-Za-z0-9])', 'g') },
    {
      keywords: [],
      fileContext: /baidubce|bcebos|bce_?(?:access|secret)|ALTAK|qianfan|百度智能云/i,
      pattern: assignment(SECRET_KEY_NAME, '[A-Za-z0-9]{32}'),
    },
  ],
  shape: { minClasses: 2, minEntropy: 3.2, rejectIdentifiers: true, rejectHex: true },
  examples: {
    positive: [
      'BCE_ACCESS_KEY_ID = "ALTAK{{alnum:21}}"',
      'Authorization: bce-v3/ALTAK-{{alnum:21}}/{{alnum:40}}',
      'BCE_SECRET_ACCESS_KEY = "{{alnum:32}}"  # bcebos',
    ],
    negative: ['BCE_ACCESS_KEY_ID = "ALTAK{{rep:x:21}}"', 'SECRET_ACCESS_KEY = "{{alnum:32}}"', 'const ALTAKE = 1'],
  },
};
