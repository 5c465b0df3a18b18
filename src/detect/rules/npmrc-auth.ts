import type { Rule } from '../types';

export const npmrcAuth: Rule = {
  id: 'npmrc-auth',
  name: '.npmrc basic auth',
  provider: 'npm',
  severity: 'high',
  kind: 'password',
  advice: 'password',
  description: '.npmrc _auth (base64 user:password) or _password entry',
  detectors: [
    {
      keywords: ['_auth', '_password'],
      pattern: new RegExp(
        `(?<![A-Za-z0-9])(?:_auth|_password)\\s{0,4}=\\s{0,4}["']?(?<secret>[A-Za-z0-9+/]{8,512}={0,2})(?![A-Za-z0-9+/=])`,
        'g',
      ),
    },
  ],
  shape: { minClasses: 2, minEntropy: 2.5, freeText: true },
  examples: {
    positive: ['_auth={{basic}}', '//registry.corp.example/:_password={{basic}}', '//nexus.internal/repository/npm/:_auth = {{basic}}'],
    negative: ['_auth=${NPM_AUTH}', '//registry.npmjs.org/:_authToken=${NPM_TOKEN}', 'always-auth=true'],
  },
};
