import type { Rule } from '../types';
import { assignment, ID_NAME, SECRET_KEY_NAME } from '../patterns';

/** Huawei Cloud keys have no prefix: they are only recognised in a file that talks to Huawei Cloud. */
const HUAWEI = /huaweicloud|myhuaweicloud|hwcloud|huawei[_-]?cloud|HUAWEICLOUD_SDK|华为云/i;

export const huaweiCloudAccessKey: Rule = {
  id: 'huawei-cloud-access-key',
  name: 'Huawei Cloud AK/SK',
  provider: 'Huawei Cloud',
  severity: 'critical',
  kind: 'key',
  advice: 'cloud',
  description: 'Huawei Cloud AK (20 upper-case letters and digits) and SK (40 letters and digits) under AK/SK names in a Huawei Cloud file',
  detectors: [
    // A line that itself names Huawei Cloud (ObsClient(…, server="https://obs….myhuaweicloud.com")):
    // checked first, so that in a file naming several clouds the line's own evidence wins.
    { keywords: ['huaweicloud', 'hwcloud', '华为云'], pattern: assignment(ID_NAME, '[A-Z0-9]{20}') },
    { keywords: ['huaweicloud', 'hwcloud', '华为云'], pattern: assignment(SECRET_KEY_NAME, '[A-Za-z0-9]{40}') },
    { keywords: [], fileContext: HUAWEI, pattern: assignment(ID_NAME, '[A-Z0-9]{20}') },
    { keywords: [], fileContext: HUAWEI, pattern: assignment(SECRET_KEY_NAME, '[A-Za-z0-9]{40}') },
  ],
  shape: { minEntropy: 3.2, rejectIdentifiers: true, rejectHex: true },
  examples: {
    positive: [
      'HUAWEICLOUD_SDK_AK={{upper:20}}',
      'HUAWEICLOUD_SDK_SK={{alnum:40}}',
      'ObsClient(access_key_id="{{upper:20}}", secret_access_key="{{alnum:40}}", server="https://obs.cn-north-4.myhuaweicloud.com")',
    ],
    negative: ['HUAWEICLOUD_SDK_AK=${HUAWEICLOUD_SDK_AK}', 'ak = "{{upper:20}}"', 'HUAWEICLOUD_SDK_SK={{hex:40}}'],
  },
};
