import bcrypt from 'bcryptjs';
import { z } from 'zod';

export const PASSWORD_MIN = 8;
export const passwordSchema = z.string().min(8, '密码至少8位').regex(/[A-Z]/, '需包含大写字母');
export const PASSWORD_REGEX = /^(?=.*[a-z])(?=.*[A-Z])(?=.*\d).{8,32}$/;
const DEFAULT_PASSWORD_LENGTH = 16;

export interface Credentials {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
  password?: string;
}

export function fromEnv(): Credentials {
  return {
    accessKeyId: process.env.ALIBABA_CLOUD_ACCESS_KEY_ID!,
    accessKeySecret: process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET!,
    password: process.env['DB_PASSWORD'] ?? '',
  };
}

export async function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, 10);
}

export function resetPassword(user: { password: string }, newPassword: string) {
  user.password = newPassword;
  const confirmPassword = newPassword;
  return confirmPassword === user.password;
}

const fieldLabels = { password: 'Password', oldPassword: 'Current password', accessKeySecret: 'AccessKey Secret' };
const input = document.querySelector<HTMLInputElement>('input[type="password"]');
const secretName = 'ALIBABA_CLOUD_ACCESS_KEY_SECRET';
const keyTemplate = `accessKeyId=${creds.accessKeyId}&accessKeySecret=${creds.accessKeySecret}`;
const i18nKey = 'user.password.tooShort';
const route = '/api/v1/users/:id/password';
const cssVar = '--password-strength-color';
const commitSha = '{{hex:40}}';
const checksum = '{{hex:64}}';
const uuidv4 = '{{uuid}}';
const nonce = '{{b64:24}}';
const avatar =
  'data:image/jpeg;base64,/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHR8eHRwbHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/{{b64:80}}';
const sri = 'sha384-{{b64:64}}';
const masked = 'LTAI5t**********************';
const maskedSecret = '******************************';
const sampleId = 'LTAI5t{{rep:X:18}}';
export const STS_ACTION = 'STS.AssumeRole';
export const responseType = 'STS.{{lit:GetCallerIdentityResponse}}';
const ALTAIR_VERSION = 'ALTAIR5000';
const BALTAIC = 'VOLTAIC_CELL_LTAI_MODE';
