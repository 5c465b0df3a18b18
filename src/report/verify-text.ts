import type { VerifyResult } from '../verify/types';
import type { Paint } from './colors';
import type { VerifyMessages } from './messages/verify-en';

/** One line per verified credential (masked), then the root-account and live advice. */
export function renderVerifyText(results: readonly VerifyResult[], hosts: readonly string[], m: VerifyMessages, p: Paint): string {
  const sent = results.filter(
    (r) => r.reason === undefined || !['unsupported', 'no-secret', 'no-id', 'no-token'].includes(r.reason),
  ).length;
  const out: string[] = [m.liveCheckMade(sent, [...hosts])];
  for (const r of results) {
    const st = m.status(r.status).padEnd(8);
    const colored = r.status === 'live' ? p.red(p.bold(st)) : r.status === 'invalid' ? p.green(st) : p.yellow(st);
    const at = `${r.commit ? r.commit.slice(0, 12) + ' ' : ''}${r.file}:${r.line}`;
    const detail = r.identity ? m.identity(r.identity.type, r.identity.accountId, r.identity.arn) : r.reason ? m.reason(r.reason) : '';
    out.push(`  ${colored} ${at}  [${r.ruleId}] ${r.masked}${detail ? `  (${detail})` : ''}`);
    if (r.root) {
      out.push(`    ${p.red(p.bold(m.rootTitle))}`);
      for (const a of m.rootAdvice(r.ruleId.startsWith('alibaba') || r.provider === 'alibaba')) out.push(`    - ${a}`);
    }
  }
  const n = (s: VerifyResult['status']) => results.filter((r) => r.status === s).length;
  if (n('live') > 0) out.push(m.liveAdvice);
  out.push(m.summary(n('live'), n('invalid'), n('unknown')));
  return out.join('\n') + '\n';
}

/** The JSON contract: `{ "results": [ { ruleId, file, line, status, identity, root } ] }` (plus reason and commit when known). */
export function renderVerifyJson(results: readonly VerifyResult[]): string {
  return JSON.stringify({ results: verifyResultsJson(results) }, null, 2) + '\n';
}

/** The results as the JSON contract has them (masked: no secret at all, only where it was found). */
export function verifyResultsJson(results: readonly VerifyResult[]): object[] {
  return results.map((r) => ({
    ruleId: r.ruleId,
    file: r.file,
    line: r.line,
    ...(r.commit ? { commit: r.commit } : {}),
    status: r.status,
    identity: r.identity ? { type: r.identity.type, accountId: r.identity.accountId, arn: r.identity.arn } : null,
    root: r.root,
    ...(r.reason ? { reason: r.reason } : {}),
  }));
}
