import type { CheckResult, Finding } from '../check';
import { CONFIG_FILE } from '../allowlist/load';
import type { Advice } from '../detect/types';
import type { Paint } from './colors';
import type { Messages } from './messages';

/**
 * The blocking message: findings grouped by file (location, rule, masked secret and the
 * exact allow entry for each), then why it matters and what to do, once per kind of
 * credential, then how to allow a false positive and a one-line summary.
 */
export function renderText(result: CheckResult, m: Messages, p: Paint): string {
  const out: string[] = [];
  const configFile = result.config.file && result.config.source !== 'explicit' ? result.config.file : CONFIG_FILE;
  result.expiredEntries.forEach((e, i) => out.push(p.yellow(m.expiredEntry(e.fingerprint ?? e.path ?? `#${i}`, e.expires ?? ''))));
  if (result.findings.length === 0) {
    out.push(m.summaryClean(result.stats.filesScanned, result.suppressed.length));
    if (result.stats.binarySkipped.length > 0) out.push(p.dim(m.binarySkipped(result.stats.binarySkipped.length)));
    return out.join('\n') + '\n';
  }
  out.push(p.red(p.bold(m.blockedTitle(result.findings.length))), '');
  const byFile = new Map<string, Finding[]>();
  for (const f of result.findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  for (const [file, list] of byFile) {
    for (const f of list) {
      out.push(`  ${p.bold(`${file}:${f.line}:${f.column}`)}  ${f.ruleName} [${f.ruleId}]  ${p.red(f.secret)}`);
      if (f.related) for (const r of f.related) out.push(`      ${p.dim(m.pairedWith(`${file}:${r.line}:${r.column} [${r.ruleId}]`))}`);
      out.push(`      ${p.dim(m.allowLabel)} ${JSON.stringify({ fingerprint: f.fingerprint, reason: '' })}`);
    }
  }
  const advices: Advice[] = [...new Set(result.findings.map((f) => f.advice))];
  for (const a of advices) {
    out.push('', `${p.bold(m.whyLabel)} ${m.why(a)}`, `${p.bold(m.fixLabel)} ${m.fix(a)}`);
  }
  out.push('', p.dim(m.allowHow(configFile)));
  if (result.stats.binarySkipped.length > 0) out.push(p.dim(m.binarySkipped(result.stats.binarySkipped.length)));
  out.push('', p.red(m.summaryBlocked(result.findings.length, result.suppressed.length)));
  return out.join('\n') + '\n';
}
