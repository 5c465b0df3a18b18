import type { Rule } from '../types';
import { assignment } from '../patterns';

/**
 * Container Registry (ACR) credentials: a password given to `docker login` for an Alibaba
 * registry, and the temporary token GetAuthorizationToken returns (`authorizationToken`).
 */
export const alibabaAcrPassword: Rule = {
  id: 'alibaba-acr-password',
  name: 'Alibaba Cloud Container Registry password',
  provider: 'Alibaba Cloud',
  severity: 'high',
  kind: 'password',
  advice: 'password',
  description: 'Container Registry (ACR) login password or temporary authorization token for *.aliyuncs.com / *.cr.aliyuncs.com',
  detectors: [
    {
      keywords: ['aliyuncs.com'],
      pattern: new RegExp(
        `docker\\s{1,4}login\\s[^|;&]{0,200}?(?:-p|--password)(?:\\s{1,4}|=)["']?(?<secret>[^\\s"'$]{6,256})["']?(?=\\s[^|;&]{0,200}aliyuncs\\.com|\\s{0,4}$)`,
        'g',
      ),
    },
    { keywords: ['authorizationtoken'], pattern: assignment('authorizationToken|AuthorizationToken', '[A-Za-z0-9+/=._-]{40,2048}') },
  ],
  shape: { minClasses: 2, minEntropy: 2, freeText: true },
  examples: {
    positive: [
      'docker login --username=dev@1234567890 -p {{password}} registry.cn-hangzhou.aliyuncs.com',
      'docker login -u admin --password "{{password}}" crpi-abc.cn-shanghai.personal.cr.aliyuncs.com',
      '  "authorizationToken": "{{b64:120}}",',
    ],
    negative: [
      'docker login --username=dev -p $ACR_PASSWORD registry.cn-hangzhou.aliyuncs.com',
      'echo "$ACR_PASSWORD" | docker login --password-stdin -u dev registry.cn-hangzhou.aliyuncs.com',
      'docker login -u dev -p {{password}} docker.io',
    ],
  },
};
