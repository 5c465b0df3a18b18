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
      // A netrc entry, not prose: lines that start with machine/login/password tokens.
      fileContext: /^\s{0,8}(?:machine\s{1,8}[A-Za-z0-9.-]{1,253}|default)(?:\s|$)/,
      candidate: 'password',
      pattern: new RegExp(
        `^\\s{0,8}(?:machine\\s{1,4}[A-Za-z0-9.:-]{1,100}\\s{1,4}|default\\s{1,4})?(?:login\\s{1,4}\\S{1,64}\\s{1,4})?password\\s{1,4}(?<secret>[^\\s"']{4,128})(?=\\s{1,4}(?:machine|login|account|macdef)\\s|\\s{0,8}$)`,
        'g',
      ),
    },
  ],
  shape: { minEntropy: 1.5, freeText: true },
  // Anonymous FTP: the password is, by convention, the user's mail address (`login anonymous password user@site`).
  allow: { lines: [/(?:^|\s)login\s{1,4}(?:anonymous|ftp)\s/] },
  examples: {
    positive: ['machine api.internal.corp login deploy password {{password}}', 'machine git.corp\n  login ci\n  password {{password}}'],
    negative: [
      'machine api.internal.corp login deploy password $NETRC_PASSWORD',
      'Enter the password twice to confirm.',
      '# on this machine the password file lists users\n# the password file must exist',
      'The machine asks for the password `qwerty` here',
      'default login anonymous password user@site',
    ],
  },
};
