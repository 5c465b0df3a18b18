import type { Rule } from '../types';

export const netrcPassword: Rule = {
  id: 'netrc-password',
  name: '.netrc password',
  provider: 'Generic',
  severity: 'high',
  kind: 'password',
  advice: 'password',
  description: 'password entry of a .netrc / _netrc file (machine … login … password …)',
  detectors: [
    {
      keywords: [],
      fileContext: /(?:^|\s)machine\s{1,8}[A-Za-z0-9.-]{1,253}(?:\s|$)/,
      pattern: new RegExp(`(?:^|\\s)password\\s{1,8}(?<secret>[^\\s"']{4,128})(?=\\s|$)`, 'g'),
    },
  ],
  shape: { minEntropy: 1.5, freeText: true },
  examples: {
    positive: ['machine api.internal.corp login deploy password {{password}}', 'machine git.corp\n  login ci\n  password {{password}}'],
    negative: ['machine api.internal.corp login deploy password $NETRC_PASSWORD', 'Enter the password twice to confirm.'],
  },
};
