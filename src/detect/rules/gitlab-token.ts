import type { Rule } from '../types';
import { standalone } from '../patterns';

export const gitlabToken: Rule = {
  id: 'gitlab-token',
  name: 'GitLab token',
  provider: 'GitLab',
  severity: 'critical',
  kind: 'key',
  advice: 'token',
  description: 'GitLab personal, project, group, deploy, runner, pipeline-trigger tokens (glpat-, gldt-, glrt-, glptt-, GR1348941…)',
  detectors: [
    { keywords: ['glpat-', 'gldt-', 'glrt-', 'glcbt-', 'glsoat-'], pattern: standalone('gl(?:pat|dt|rt|cbt|soat)-[A-Za-z0-9_-]{20,80}') },
    { keywords: ['glptt-'], pattern: standalone('glptt-[0-9a-f]{40}') },
    { keywords: ['gr1348941'], pattern: standalone('GR1348941[A-Za-z0-9_-]{20,60}') },
  ],
  shape: { minClasses: 2, minEntropy: 3.2 },
  examples: {
    positive: ['GITLAB_TOKEN=glpat-{{alnum:20}}', 'token = "glrt-{{alnum:20}}"', 'registration-token: GR1348941{{alnum:20}}'],
    negative: ['GITLAB_TOKEN=glpat-xxxxxxxxxxxxxxxxxxxx', 'GITLAB_TOKEN=glpat-${TOKEN}'],
  },
};
