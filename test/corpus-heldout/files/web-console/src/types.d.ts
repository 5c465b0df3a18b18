export interface LoginForm {
  username: string;
  password: string;
  captcha?: string;
}

export interface AliyunCredential {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
  expiration?: Date;
}

export type PasswordPolicy = {
  minLength: number;
  requireDigit: boolean;
};

declare module 'ali-oss' {
  interface Options {
    accessKeyId: string;
    accessKeySecret: string;
    stsToken?: string;
  }
}
