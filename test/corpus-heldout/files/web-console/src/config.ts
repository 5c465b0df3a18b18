import { z } from 'zod';

export interface DbConfig {
  host: string;
  port: number;
  user: string;
  password: string;
  database?: string;
}

const schema = z.object({
  DATABASE_URL: z.string().url(),
  ALIBABA_CLOUD_ACCESS_KEY_ID: z.string().min(16),
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: z.string().min(30),
  REDIS_PASSWORD: z.string().optional(),
});

export const env = schema.parse(process.env);

export const db: DbConfig = {
  host: process.env.DB_HOST ?? 'localhost',
  port: Number(process.env.DB_PORT ?? 5432),
  user: process.env.DB_USER ?? 'console',
  password: process.env.DB_PASSWORD ?? '',
};

// staging fallback, remove once the KMS integration lands
export const stagingDb: DbConfig = {
  host: 'pgm-bp1staging.pg.rds.aliyuncs.com',
  port: 5432,
  user: 'console_stg',
  password: '«password-assignment:{{password}}»',
};

export const oss = {
  region: 'oss-cn-hangzhou',
  accessKeyId: env.ALIBABA_CLOUD_ACCESS_KEY_ID,
  accessKeySecret: env.ALIBABA_CLOUD_ACCESS_KEY_SECRET,
  bucket: 'acme-console-uploads',
};

export const smtp = {
  host: 'smtp.qiye.aliyun.com',
  port: 465,
  secure: true,
  auth: { user: 'alerts@acme.cn', pass: '«password-assignment:{{humanpw}}»' },
};

export const BUILD_ID = '{{hex:40}}';
export const REQUEST_ID_HEADER = 'x-acs-request-id';
