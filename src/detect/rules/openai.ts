import type { Rule } from '../types';
import { standalone } from '../patterns';

export const openaiApiKey: Rule = {
  id: 'openai-api-key',
  name: 'OpenAI API key',
  provider: 'OpenAI',
  severity: 'high',
  kind: 'key',
  advice: 'token',
  description: 'OpenAI API key: sk-…T3BlbkFJ… (legacy, project, service-account and admin keys), or sk-proj-…',
  detectors: [
    { keywords: ['t3blbkfj'], pattern: standalone('sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{16,180}T3BlbkFJ[A-Za-z0-9_-]{16,180}') },
    { keywords: ['sk-proj-', 'sk-svcacct-', 'sk-admin-'], pattern: standalone('sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,250}') },
  ],
  shape: { minClasses: 3, minEntropy: 3.5 },
  examples: {
    positive: [
      'OPENAI_API_KEY=sk-{{alnum:20}}T3BlbkFJ{{alnum:20}}',
      'openai.api_key = "sk-proj-{{alnum:74}}T3BlbkFJ{{alnum:74}}"',
      'OPENAI_API_KEY=sk-proj-{{alnum:100}}',
    ],
    negative: [
      'OPENAI_API_KEY=sk-...',
      'OPENAI_API_KEY=sk-proj-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'OPENAI_API_KEY=${OPENAI_API_KEY}',
    ],
  },
};
