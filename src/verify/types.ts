/** What `ak-hook verify` asks the providers, and what it learns. */
export type Provider = 'alibaba' | 'tencent' | 'aws' | 'github';

/** One credential, whole: it lives only in memory, and goes only to its provider's endpoint. */
export interface Credential {
  provider: Provider;
  /** AccessKeyId / SecretId (none for a GitHub token). */
  id?: string;
  secret: string;
  /** STS SecurityToken (Alibaba) or session token. */
  token?: string;
}

export type VerifyStatus = 'live' | 'invalid' | 'unknown';

export interface Identity {
  /** Alibaba IdentityType (Account, RAMUser, AssumedRoleUser), AWS/Tencent caller type, GitHub account type. */
  type: string;
  accountId: string;
  /** ARN, or the GitHub login. */
  arn: string;
}

export interface Outcome {
  status: VerifyStatus;
  identity?: Identity;
  /** The key of a root (main) account: Alibaba `Account`, an AWS `:root` ARN, a Tencent root UIN. */
  root: boolean;
  /**
   * Why, in a word that holds no secret: the provider's error code, `timeout`, `network`,
   * `http-NNN`, `unsupported`, `no-secret`, `no-id`, `no-token`, `redirect`, `bad-response`.
   */
  reason?: string;
}

/** One finding to verify (the secret half of a pair), and its credential when one could be built. */
export interface Target {
  ruleId: string;
  file: string;
  line: number;
  /** Commit that introduced it (ranges and history). */
  commit?: string;
  /** The provider asked (when a credential was built). */
  provider?: Provider;
  /** Masked id (or masked token) to show. */
  masked: string;
  credential: Credential | null;
  /** Why no credential: `unsupported`, `no-secret`, `no-id`, `no-token`. */
  reason?: string;
}

export interface VerifyResult extends Target, Outcome {}
