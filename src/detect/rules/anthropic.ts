import type { Rule } from '../types';
import { standalone } from '../patterns';

export const anthropicApiKey: Rule = {
  id: 'anthropic-api-key',
  name: 'Anthropic API key',
  provider: 'Anthropic',
  severity: 'high',
  kind: 'key',
  advice: 'token',
  description: 'Anthropic API or admin key: sk-ant-api03-… / sk-ant-admin01-…',
  detectors: [{ keywords: ['sk-ant-'], pattern: standalone('sk-ant-(?:api|admin|oat|sid)[0-9]{2}-[A-Za-z0-9_-]{32,160}') }],
  shape: { minClasses: 3, minEntropy: 3.5 },
  examples: {
    positive: ['ANTHROPIC_API_KEY=sk-ant-api03-{{alnum:93}}AA', 'client = Anthropic(api_key="sk-ant-api03-{{alnum:93}}AA")'],
    negative: ['ANTHROPIC_API_KEY=sk-ant-api03-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'ANTHROPIC_API_KEY=sk-ant-...'],
  },
};
