import type { Rule } from '../types';

export const dockerLoginPassword: Rule = {
  id: 'docker-login-password',
  name: 'docker login password',
  provider: 'Generic',
  severity: 'high',
  kind: 'password',
  advice: 'password',
  description: 'A literal password passed to docker login -p / --password (use --password-stdin)',
  detectors: [
    {
      keywords: ['docker login', 'docker  login'],
      pattern: new RegExp(`docker\\s{1,4}login\\s[^|;&]{0,200}?(?:-p|--password)(?:\\s{1,4}|=)["']?(?<secret>[^\\s"'$]{6,256})`, 'g'),
    },
  ],
  shape: { minEntropy: 2, freeText: true },
  examples: {
    positive: [
      'docker login -u ci -p {{password}} harbor.corp.local',
      'run: docker login --username bot --password "{{password}}" ghcr.io',
    ],
    negative: [
      'docker login -u ci -p $HARBOR_PASSWORD harbor.corp.local',
      'docker login -u ci -p "${HARBOR_PASSWORD}" harbor.corp.local',
      'echo "$TOKEN" | docker login --password-stdin -u ci ghcr.io',
    ],
  },
};
