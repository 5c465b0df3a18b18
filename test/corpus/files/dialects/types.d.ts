export interface URLPatternResult {
  inputs: URLPatternInput[];
  protocol: URLPatternComponentResult;
  username: URLPatternComponentResult;
  password: URLPatternComponentResult;
  hostname: URLPatternComponentResult;
}
export interface LoginForm {
  username: string;
  password?: Password;
  passwordConfirm: string | null;
}
export declare class Credentials {
  readonly password: SecretString;
  keystorePass: KeystorePassword;
}
