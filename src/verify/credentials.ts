import { maskSecret } from '../report/mask';
import { secretOf } from '../scan/secret-handle';
import type { Finding } from '../scan/types';
import type { Credential, Provider, Target } from './types';

/** The secret rules verify knows, their provider, and the id rule their findings are linked to (`pairsWith`). */
const SECRET_RULES: Readonly<Record<string, { provider: Provider; idRule?: string; tokenRule?: string }>> = {
  'alibaba-access-key-secret': { provider: 'alibaba', idRule: 'alibaba-access-key-id' },
  'alibaba-sts-access-key-secret': { provider: 'alibaba', idRule: 'alibaba-sts-access-key-id', tokenRule: 'alibaba-sts-security-token' },
  'tencent-cloud-secret-key': { provider: 'tencent', idRule: 'tencent-cloud-secret-id' },
  'aws-secret-access-key': { provider: 'aws', idRule: 'aws-access-key-id' },
  'github-token': { provider: 'github' },
};
const ID_RULES = new Set(Object.values(SECRET_RULES).flatMap((r) => (r.idRule ? [r.idRule] : [])));
const TOKEN_RULES = new Set(Object.values(SECRET_RULES).flatMap((r) => (r.tokenRule ? [r.tokenRule] : [])));

type WithCommit = Finding & { commit?: { sha: string } };

const where = (f: WithCommit) => ({ ruleId: f.ruleId, file: f.file, line: f.line, ...(f.commit ? { commit: f.commit.sha } : {}) });
const sameFile = (a: WithCommit, b: WithCommit) => a.file === b.file && a.commit?.sha === b.commit?.sha;

/**
 * Turns findings into the credentials to verify: a secret with the id its finding is linked to
 * (`related`, from the rule's `pairsWith`), an STS secret with the nearest SecurityToken in the
 * same file, a GitHub token alone. An id whose secret is verified is not listed again; a finding
 * that cannot be verified is listed with the reason (its result will be `unknown`).
 */
export function targetsFromFindings(findings: readonly Finding[]): Target[] {
  const all = findings as readonly WithCommit[];
  const targets: Target[] = [];
  const usedIds = new Set<WithCommit>();
  const usedTokens = new Set<WithCommit>();
  for (const f of all) {
    const spec = SECRET_RULES[f.ruleId];
    if (!spec) continue;
    const secret = secretOf(f);
    if (spec.provider === 'github') {
      targets.push({
        ...where(f),
        masked: f.secret,
        credential: secret ? { provider: 'github', secret } : null,
        reason: secret ? undefined : 'no-secret',
      });
      continue;
    }
    const link = f.related?.find((r) => r.ruleId === spec.idRule);
    const idFinding = link
      ? all.find((o) => o.ruleId === link.ruleId && o.line === link.line && o.column === link.column && sameFile(o, f))
      : undefined;
    const id = idFinding ? secretOf(idFinding) : undefined;
    if (idFinding) usedIds.add(idFinding);
    const masked = idFinding?.secret ?? f.secret;
    if (!secret || !id) {
      targets.push({ ...where(f), masked, credential: null, reason: 'no-id' });
      continue;
    }
    const cred: Credential = { provider: spec.provider, id, secret };
    if (spec.tokenRule) {
      let best: WithCommit | undefined;
      for (const o of all)
        if (o.ruleId === spec.tokenRule && sameFile(o, f) && (!best || Math.abs(o.line - f.line) < Math.abs(best.line - f.line))) best = o;
      const token = best ? secretOf(best) : undefined;
      if (!best || !token) {
        targets.push({ ...where(f), masked, credential: null, reason: 'no-token' });
        continue;
      }
      usedTokens.add(best);
      cred.token = token;
    } else if (spec.provider === 'aws' && /^ASIA/.test(id)) {
      // A temporary AWS key works only with its session token, which no rule finds: do not call it invalid.
      targets.push({ ...where(f), masked, credential: null, reason: 'no-token' });
      continue;
    }
    targets.push({ ...where(f), masked, credential: cred });
  }
  for (const f of all) {
    if (SECRET_RULES[f.ruleId]) continue;
    if (ID_RULES.has(f.ruleId)) {
      if (!usedIds.has(f)) targets.push({ ...where(f), masked: f.secret, credential: null, reason: 'no-secret' });
    } else if (TOKEN_RULES.has(f.ruleId)) {
      if (!usedTokens.has(f)) targets.push({ ...where(f), masked: f.secret, credential: null, reason: 'no-secret' });
    } else targets.push({ ...where(f), masked: f.secret, credential: null, reason: 'unsupported' });
  }
  return targets;
}

/**
 * One credential given on standard input: whitespace- or comma-separated parts, told apart by
 * their shape: `LTAI… SECRET`, `STS.… SECRET TOKEN`, `AKID… SECRETKEY [TOKEN]`,
 * `AKIA…|ASIA… SECRET [SESSION_TOKEN]`, or one GitHub token. Returns null when it is none of these.
 */
export function credentialFromText(text: string): { credential: Credential; masked: string } | null {
  const parts = text.split(/[\s,]+/).filter((p) => p !== '');
  const [a, b, c] = parts;
  if (a === undefined || parts.length > 3) return null;
  const pair = (provider: Provider, needToken: boolean): { credential: Credential; masked: string } | null => {
    if (b === undefined || (needToken && c === undefined)) return null;
    return { credential: { provider, id: a, secret: b, ...(c !== undefined ? { token: c } : {}) }, masked: maskSecret(a, 'key') };
  };
  if (/^LTAI[A-Za-z0-9]{12,30}$/.test(a)) return c === undefined ? pair('alibaba', false) : null;
  if (/^STS\.[A-Za-z0-9]{20,40}$/.test(a)) return pair('alibaba', true);
  if (/^AKID[A-Za-z0-9]{13,40}$/.test(a)) return pair('tencent', false);
  if (/^A(KIA|SIA)[A-Z2-7]{16}$/.test(a)) return pair('aws', a.startsWith('ASIA'));
  if (/^(gh[pousr]_[A-Za-z0-9]{30,255}|github_pat_[A-Za-z0-9_]{50,255})$/.test(a) && b === undefined)
    return { credential: { provider: 'github', secret: a }, masked: maskSecret(a, 'key') };
  return null;
}
