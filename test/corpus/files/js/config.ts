import { z } from 'zod';

export const schema = z.object({
  accessKeyId: z.string().min(16),
  accessKeySecret: z.string().length(30),
  password: z.string().min(8, '密码至少 8 位'),
});

export const config = {
  accessKeyId: process.env.ALIBABA_CLOUD_ACCESS_KEY_ID ?? '',
  accessKeySecret: process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET ?? '',
  db: {
    host: process.env.DB_HOST,
    password: process.env.DB_PASSWORD,
  },
  github: { token: process.env.GITHUB_TOKEN },
};

export const messages = {
  password: '密码',
  passwordRequired: '请输入密码',
  passwordTooShort: 'Password must be at least 8 characters',
  accessKeySecret: '请填入 AccessKeySecret',
};

export const sampleKeyMask = 'LTAI****************';
export const docsPlaceholder = '<yourAccessKeyId>';
export const anotherPlaceholder = 'your-access-key-secret';
