import OpenAI from 'openai';

// DashScope OpenAI-compatible mode (通义千问 / Qwen)
const client = new OpenAI({
  apiKey: process.env.DASHSCOPE_API_KEY ?? '«alibaba-dashscope-api-key:sk-{{hex:32}}»',
  baseURL: 'https://dashscope.aliyuncs.com/compatible-mode/v1',
});

export async function summarize(text: string): Promise<string> {
  const r = await client.chat.completions.create({
    model: 'qwen-plus',
    messages: [
      { role: 'system', content: 'You are a helpful assistant.' },
      { role: 'user', content: text },
    ],
  });
  return r.choices[0]?.message?.content ?? '';
}

export const openaiFallback = new OpenAI({ apiKey: '«openai-api-key:sk-proj-{{alnum:74}}T3BlbkFJ{{alnum:74}}»' });
export const anthropicKey = '«anthropic-api-key:sk-ant-api03-{{alnum:93}}AA»';
