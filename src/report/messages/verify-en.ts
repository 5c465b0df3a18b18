/** Texts of `ak-hook verify` and `check --verify` (issue 13), one implementation per language. */
export interface VerifyMessages {
  /** The line that says a live check was made, and where the secrets went. */
  liveCheckMade(n: number, hosts: string[]): string;
  noCredentials: string;
  status(s: 'live' | 'invalid' | 'unknown'): string;
  reason(r: string): string;
  identity(type: string, accountId: string, arn: string): string;
  rootTitle: string;
  /** Alibaba's root-account advice (the practice document's first rule), or the same for another provider. */
  rootAdvice(alibaba: boolean): string[];
  liveAdvice: string;
  summary(live: number, invalid: number, unknown: number): string;
  /** `check --verify`: every blocking finding is an invalid key, and the config downgrades those. */
  invalidDowngraded(n: number): string;
  invalidStillBlocks: string;
  unknownBlocks: string;
  stdinNotCredential: string;
}

const s = (n: number) => (n === 1 ? '' : 's');

const REASONS: Record<string, string> = {
  timeout: 'no answer within the time limit',
  network: 'network error',
  redirect: 'the endpoint answered with a redirect (not followed)',
  unsupported: 'ak-hook cannot verify this kind of secret',
  'no-secret': 'no secret found with this id',
  'no-id': 'no id found with this secret',
  'no-token': 'a temporary key: its session/security token was not found',
  'bad-response': 'unexpected answer',
};

export const verifyEn: VerifyMessages = {
  liveCheckMade: (n, hosts) =>
    `ak-hook: live check made: ${n} credential${s(n)} sent over HTTPS to ${hosts.join(', ') || 'no host'} (GetCallerIdentity / GET /user: no permission needed, nothing changed).`,
  noCredentials: 'ak-hook: no credentials to verify.',
  status: (st) => ({ live: 'LIVE', invalid: 'invalid', unknown: 'unknown' })[st],
  reason: (r) => REASONS[r] ?? (r.startsWith('http-') ? `HTTP ${r.slice(5)}` : `provider said ${r}`),
  identity: (type, accountId, arn) => `${type}${accountId ? `, account ${accountId}` : ''}${arn ? `, ${arn}` : ''}`,
  rootTitle: 'ROOT ACCOUNT KEY: this key belongs to the main (root) account and can do anything in it.',
  rootAdvice: (alibaba) =>
    alibaba
      ? [
          'Rotate it now: disable and delete this AccessKey in the console (create a new one first only if something must keep running).',
          'Then create a RAM user with least privilege (only the permissions the program needs) and use its AccessKey instead.',
          'Never use root keys in code: turn on MFA for the root account, and check ActionTrail for calls made with this key.',
        ]
      : [
          'Rotate it now: disable and delete this key in the console.',
          'Then create a sub-user (IAM user / CAM sub-user) with least privilege and use its key instead.',
          'Never use root keys in code, and check the audit log (CloudTrail / CloudAudit) for calls made with this key.',
        ],
  liveAdvice: 'A live key in a repository must be rotated even if the commit is never pushed.',
  summary: (live, invalid, unknown) => `ak-hook: ${live} live, ${invalid} invalid, ${unknown} unknown.`,
  invalidDowngraded: (n) =>
    `ak-hook: ${n} key${s(n)} found, and the provider says ${n === 1 ? 'it is' : 'they are'} invalid: commit allowed with a warning, because the config sets "verify": { "invalid": "warn" }. Remove ${n === 1 ? 'it' : 'them'} anyway.`,
  invalidStillBlocks:
    'An invalid key still blocks the commit (set "verify": { "invalid": "warn" } in the config to downgrade invalid keys to a warning).',
  unknownBlocks: 'An unknown result never unblocks a commit.',
  stdinNotCredential:
    'standard input holds no credential ak-hook can verify: give "ID SECRET" (Alibaba LTAI…, Tencent AKID…, AWS AKIA…), "STS.… SECRET TOKEN", "ASIA… SECRET SESSION_TOKEN", or one GitHub token',
};
