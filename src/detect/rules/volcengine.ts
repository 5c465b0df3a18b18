import type { Rule } from '../types';
import { assignment, SECRET_KEY_NAME, standalone } from '../patterns';

export const volcengineAccessKey: Rule = {
  id: 'volcengine-access-key',
  name: 'Volcengine AccessKey',
  provider: 'Volcengine',
  severity: 'critical',
  kind: 'key',
  advice: 'cloud',
  description: 'Volcengine (ByteDance) AccessKeyId AKLT…, and its SecretAccessKey in a Volcengine file',
  detectors: [
    { keywords: ['aklt'], pattern: standalone('AKLT[A-Za-z0-9_-]{20,60}') },
    {
      keywords: [],
      fileContext: /volcengine|volces\.com|AKLT[A-Za-z0-9]|火山引擎/,
      pattern: assignment(SECRET_KEY_NAME, '[A-Za-z0-9+/]{40,86}={0,2}'),
    },
  ],
  shape: { minClasses: 2, minEntropy: 3.2, rejectIdentifiers: true, rejectHex: true },
  examples: {
    positive: [
      'VOLC_ACCESSKEY=AKLT{{alnum:43}}',
      'VOLC_SECRETKEY = "{{b64:58}}=="  # volcengine',
      've configure set --profile ci --region cn-beijing --secret-key {{b64:58}}==  # volcengine CLI',
    ],
    negative: ['VOLC_ACCESSKEY=AKLT{{rep:x:43}}', 'VOLC_SECRETKEY = "{{b64:58}}=="', 'AKLTX = "short"'],
  },
};
