import type { Rule } from '../types';

export const s3cfgSecretKey: Rule = {
  id: 's3cfg-secret-key',
  name: 's3cmd / S3-compatible secret key',
  provider: 'Generic',
  severity: 'critical',
  kind: 'key',
  advice: 'cloud',
  description: 'secret_key = … in an .s3cfg (s3cmd) or an S3-compatible tool INI file',
  detectors: [
    {
      keywords: ['secret_key'],
      pattern: new RegExp(`^\\s{0,8}secret_key\\s{0,4}=\\s{0,4}(?<secret>[A-Za-z0-9/+]{30,64})\\s{0,8}$`, 'g'),
    },
  ],
  shape: { minClasses: 3, minEntropy: 3.8, rejectHex: true },
  examples: {
    positive: ['secret_key = {{b64:40}}', 'secret_key={{alnum:40}}'],
    negative: ['secret_key = ', 'secret_key = {{rep:x:40}}', 'secret_key = {{hex:40}}'],
  },
};
