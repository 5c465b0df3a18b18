import type { Rule } from '../types';
import { assignment, ID_NAME, SECRET_KEY_NAME } from '../patterns';

/**
 * Huawei Cloud keys have no prefix: they are only recognised in a file that talks to Huawei Cloud,
 * or in KooCLI's own config (~/.hcloud/config.json: profiles with `"mode": "AKSK"`).
 */
const HUAWEI = /huaweicloud|myhuaweicloud|hwcloud|huawei[_-]?cloud|HUAWEICLOUD_SDK|华为云|"mode"\s{0,4}:\s{0,4}"AKSK"/i;

/**
 * The CSV the console hands out once, when a key is made (credentials.csv): a header naming the
 * columns `Access Key Id` and `Secret Access Key` (after `User Name`), then a row per key. The
 * header says what the prefixless values are. (AWS's CSV has the same header: its AKIA… ids, and
 * so its rows, are the AWS rule's.)
 */
const KEY_CSV = /^\uFEFF?(?:"?user ?name"?,)?"?access key id"?,"?secret access key"?(?:,|\s{0,4}$)/im;
/** A row's AK, then its SK, in the columns the header names (quoted or not); never an AWS id. */
const csvRow = (ak: string, sk: string): RegExp => new RegExp(`(?:^|,)"?(?!AKIA|ASIA|ABIA|ACCA)${ak}"?,"?${sk}"?(?=,|\\s{0,4}$)`, 'g');

export const huaweiCloudAccessKey: Rule = {
  id: 'huawei-cloud-access-key',
  name: 'Huawei Cloud AK/SK',
  provider: 'Huawei Cloud',
  severity: 'critical',
  kind: 'key',
  advice: 'cloud',
  description:
    'Huawei Cloud AK (20 upper-case letters and digits) and SK (40 letters and digits) under AK/SK names in a Huawei Cloud file, given to KooCLI (--cli-access-key, --cli-secret-key) or obsutil (-i, -k), or in the rows of the credentials.csv the console hands out (`User Name,Access Key Id,Secret Access Key`)',
  detectors: [
    // A line that itself names Huawei Cloud (ObsClient(…, server="https://obs….myhuaweicloud.com")):
    // checked first, so that in a file naming several clouds the line's own evidence wins.
    { keywords: ['huaweicloud', 'hwcloud', '华为云'], pattern: assignment(ID_NAME, '[A-Z0-9]{20}') },
    { keywords: ['huaweicloud', 'hwcloud', '华为云'], pattern: assignment(SECRET_KEY_NAME, '[A-Za-z0-9]{40}') },
    // KooCLI options (`hcloud … --cli-access-key=AK --cli-secret-key=SK`), and obsutil's (`obsutil config -i=AK -k=SK`).
    { keywords: ['cli-access-key'], pattern: /--cli-access-key[= ]["']?(?<secret>[A-Z0-9]{20})(?![A-Za-z0-9])/g },
    { keywords: ['cli-secret-key'], pattern: /--cli-secret-key[= ]["']?(?<secret>[A-Za-z0-9]{40})(?![A-Za-z0-9])/g },
    { keywords: ['obsutil'], pattern: /\s-i[= ]["']?(?<secret>[A-Z0-9]{20})(?![A-Za-z0-9])/g },
    { keywords: ['obsutil'], pattern: /\s-k[= ]["']?(?<secret>[A-Za-z0-9]{40})(?![A-Za-z0-9])/g },
    { keywords: [], fileContext: HUAWEI, pattern: assignment(ID_NAME, '[A-Z0-9]{20}') },
    { keywords: [], fileContext: HUAWEI, pattern: assignment(SECRET_KEY_NAME, '[A-Za-z0-9]{40}') },
    // The console's credentials.csv (see KEY_CSV): the row's AK, and its SK.
    {
      keywords: [],
      fileContext: KEY_CSV,
      candidate: '[A-Z0-9]{20}"?,"?[A-Za-z0-9]{40}',
      pattern: csvRow('(?<secret>[A-Z0-9]{20})', '[A-Za-z0-9]{40}'),
    },
    {
      keywords: [],
      fileContext: KEY_CSV,
      candidate: '[A-Z0-9]{20}"?,"?[A-Za-z0-9]{40}',
      pattern: csvRow('[A-Z0-9]{20}', '(?<secret>[A-Za-z0-9]{40})'),
    },
  ],
  shape: { minEntropy: 2.9, rejectIdentifiers: true, rejectHex: true },
  examples: {
    positive: [
      'HUAWEICLOUD_SDK_AK={{upper:20}}',
      'HUAWEICLOUD_SDK_SK={{alnum:40}}',
      'ObsClient(access_key_id="{{upper:20}}", secret_access_key="{{alnum:40}}", server="https://obs.cn-north-4.myhuaweicloud.com")',
      'hcloud ECS NovaListServers --cli-region="cn-north-4" --cli-access-key={{upper:20}}',
      'hcloud configure set --cli-profile=ci --cli-mode=AKSK --cli-secret-key={{alnum:40}}',
      'obsutil config -i={{upper:20}} -e=obs.cn-north-4.example.com',
      'obsutil cp ./dist obs://bucket -r -f -k={{alnum:40}}',
      'User Name,Access Key Id,Secret Access Key\nci-deployer,{{upper:20}},{{alnum:40}}',
      '"User Name","Access Key Id","Secret Access Key"\n"ci-deployer","{{upper:20}}","{{alnum:40}}"',
      '{\n  "profiles": [\n    {\n      "name": "default",\n      "mode": "AKSK",\n      "accessKeyId": "{{upper:20}}",\n      "secretAccessKey": "{{alnum:40}}",\n      "region": "cn-north-4"\n    }\n  ]\n}',
    ],
    negative: [
      'HUAWEICLOUD_SDK_AK=${HUAWEICLOUD_SDK_AK}',
      'ak = "{{upper:20}}"',
      'HUAWEICLOUD_SDK_SK={{hex:40}}',
      'hcloud RDS ListApiVersion --cli-region="ap-southeast-1" --cli-access-key=******** --cli-secret-key=********',
      'hcloud ECS NovaListServers --cli-access-key=$HW_AK --cli-secret-key="${HW_SK}"',
      'obsutil config -i=YOUR_ACCESS_KEY_ID -k=YOUR_SECRET_ACCESS_KEY -e=obs.cn-north-4.myhuaweicloud.com',
      'obsutil ls obs://bucket -limit=1000 -k={{hex:40}}',
      'User Name,Access Key Id,Secret Access Key\nci-deployer,AKIA{{upper:16}},{{alnum:40}}',
      'User Name,Access Key Id,Secret Access Key\nci-deployer,{{digits:20}},{{hex:40}}',
      'name,id,value\nci-deployer,{{upper:20}},{{alnum:40}}',
    ],
  },
};
