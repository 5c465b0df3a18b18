import type { Rule } from '../types';
import { standalone } from '../patterns';

export const alibabaDashscopeApiKey: Rule = {
  id: 'alibaba-dashscope-api-key',
  name: 'Alibaba Cloud DashScope / Bailian API key',
  provider: 'Alibaba Cloud',
  severity: 'high',
  kind: 'key',
  advice: 'token',
  description: 'DashScope / Model Studio (Bailian) API key: sk- and 32 hex digits, in a file that talks to DashScope, Bailian or Qwen',
  detectors: [
    {
      keywords: [],
      fileContext: /dashscope|bailian|百炼|通义|tongyi|qwen|aliyuncs\.com\/compatible-mode/i,
      pattern: standalone('sk-[0-9a-f]{32}'),
    },
  ],
  shape: { stripPrefix: 'sk-', minEntropy: 2.8 },
  examples: {
    positive: [
      'DASHSCOPE_API_KEY=sk-{{hex:32}}',
      'client = OpenAI(api_key="sk-{{hex:32}}", base_url="https://dashscope.aliyuncs.com/compatible-mode/v1")',
      'dashscope.api_key = "sk-{{hex:32}}"',
    ],
    negative: [
      'DASHSCOPE_API_KEY=sk-{{rep:x:32}}',
      'dashscope.api_key = os.getenv("DASHSCOPE_API_KEY")',
      'DASHSCOPE_API_KEY="sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"',
      'api_key = "sk-{{hex:32}}"',
    ],
  },
};
