import type { Rule } from '../types';
import { assignment, SECRET_KEY_NAME, standalone } from '../patterns';

export const baiduCloudAccessKey: Rule = {
  id: 'baidu-cloud-access-key',
  name: 'Baidu AI Cloud AccessKey',
  provider: 'Baidu AI Cloud',
  severity: 'critical',
  kind: 'key',
  advice: 'cloud',
  description:
    'Baidu AI Cloud (BCE) AccessKey ALTAK…, bce-v3/ALTAK-… credentials, and the 32-character SecretKey in a BCE file or in the BCE CLI credentials file (~/.bce/credentials: `[Defaults]`, `sk = …`)',
  detectors: [
    { keywords: ['altak'], pattern: standalone('ALTAK[A-Za-z0-9]{15,40}') },
    { keywords: ['bce-v3/'], pattern: new RegExp('bce-v3/(?<secret>ALTAK-[A-Za-z0-9]{10,40}/[A-Za-z0-9]{20,80})(?![A-Za-z0-9])', 'g') },
    {
      keywords: [],
      fileContext: /baidubce|bcebos|bce_?(?:access|secret)|ALTAK|qianfan|百度智能云/i,
      pattern: assignment(SECRET_KEY_NAME, '[A-Za-z0-9]{32}'),
    },
    {
      // The BCE CLI's credentials file (`bce -c` writes ~/.bce/credentials): a `[Defaults]`
      // section with `ak = …` and `sk = …` lines, nothing that names Baidu.
      keywords: [],
      fileContext: /^\s{0,4}\[Defaults\]\s{0,4}$/,
      candidate: 'sk.{0,4}=.{0,4}[a-z0-9]{32}',
      pattern: /^\s{0,4}sk\s{0,4}=\s{0,4}(?<secret>[A-Za-z0-9]{32})\s{0,4}$/g,
    },
    {
      // The SDK's credentials object: BceCredentials("ak", "sk").
      keywords: ['bcecredentials'],
      pattern: new RegExp(
        `BceCredentials\\(\\s{0,4}(?:["'][^"'\\s]{1,64}["']|[A-Za-z_][\\w.]{0,63})\\s{0,4},\\s{0,4}["'](?<secret>[A-Za-z0-9]{32})["']`,
        'g',
      ),
    },
  ],
  // No rejectHex: BCE secret keys are commonly 32 lower-case hex digits (only looked for under a
  // secret name in a BCE file, or in BceCredentials).
  shape: { minClasses: 2, minEntropy: 2.8, rejectIdentifiers: true },
  examples: {
    positive: [
      'BCE_ACCESS_KEY_ID = "ALTAK{{alnum:21}}"',
      'Authorization: bce-v3/ALTAK-{{alnum:21}}/{{alnum:40}}',
      'BCE_SECRET_ACCESS_KEY = "{{alnum:32}}"  # bcebos',
      'BCE_SECRET_ACCESS_KEY = "{{hex:32}}"  # bcebos',
      'config = BceClientConfiguration(credentials=BceCredentials(BOS_AK, "{{hex:32}}"), endpoint=host)',
      '[Defaults]\nak = {{hex:32}}\nsk = {{hex:32}}\nsts_token = ',
    ],
    negative: [
      'BCE_ACCESS_KEY_ID = "ALTAK{{rep:x:21}}"',
      'SECRET_ACCESS_KEY = "{{alnum:32}}"',
      'const ALTAKE = 1',
      '[defaults]\nsk = {{hex:32}}',
      '[Defaults]\nsk = {{rep:0:32}}',
    ],
  },
};
