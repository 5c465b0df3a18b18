import type { Rule } from '../types';
import { assignment, bareToken, SECRET_KEY_NAME, standalone } from '../patterns';

export const jdcloudAccessKey: Rule = {
  id: 'jdcloud-access-key',
  name: 'JD Cloud AccessKey',
  provider: 'JD Cloud',
  severity: 'critical',
  kind: 'key',
  advice: 'cloud',
  description: 'JD Cloud AccessKey JDC_…, and its 32-character SecretKey in a JD Cloud file',
  detectors: [
    { keywords: ['jdc_'], pattern: standalone('JDC_[A-Za-z0-9]{20,40}') },
    { keywords: [], fileContext: /jdcloud|JDC_[A-Za-z0-9]|京东云/i, pattern: assignment(SECRET_KEY_NAME, '[A-Za-z0-9]{32}') },
    // The SecretKey beside its AccessKey, e.g. as the second argument of Credential(ak, sk).
    { keywords: [], fileContext: /(?<![A-Za-z0-9])JDC_[A-Za-z0-9]{20,40}(?![A-Za-z0-9])/, pattern: bareToken('[A-Za-z0-9]', '{32}') },
  ],
  shape: {
    stripPrefix: 'JDC_',
    minClasses: 2,
    minEntropy: 3.2,
    rejectIdentifiers: true,
    rejectHex: true,
    classWaiver: { minLength: 28, minEntropy: 3.5 },
  },
  examples: {
    positive: [
      'JDCLOUD_ACCESS_KEY = "JDC_{{upper:28}}"',
      'secretKey: "{{alnum:32}}" # jdcloud',
      'cred = Credential("JDC_{{upper:28}}", "{{alnum:32}}")',
    ],
    negative: ['JDCLOUD_ACCESS_KEY = "JDC_{{rep:X:28}}"', 'secretKey: "{{alnum:32}}"'],
  },
};
