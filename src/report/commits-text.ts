import { CONFIG_FILE } from '../allowlist/load';
import type { Advice } from '../detect/types';
import type { CommitFinding, CommitsResult } from '../scan-commits';
import type { CheckResult } from '../scan/types';
import type { Paint } from './colors';
import type { CommitsMode, Messages } from './messages/types';
import { renderText } from './text';

/**
 * The message for commits (a push, a range, the history): findings grouped by the commit
 * that introduced them (sha, author, date), each with its location, masked secret and
 * allow entry; then why it matters and what to do, once per kind of credential.
 */
export function renderCommitsText(result: CommitsResult, mode: CommitsMode, m: Messages, p: Paint): string {
  if (result.findings.length === 0) {
    return renderText(result, { ...m, summaryClean: (_files, allowed) => m.commitsClean(result.commits, allowed) }, p);
  }
  const out: string[] = [p.red(p.bold(m.commitsBlockedTitle(result.findings.length, mode))), ''];
  const byCommit = new Map<string, CommitFinding[]>();
  for (const f of result.findings) byCommit.set(f.commit.sha, [...(byCommit.get(f.commit.sha) ?? []), f]);
  for (const list of byCommit.values()) {
    const c = list[0].commit;
    out.push(`  ${p.yellow(m.commitHeader(c.sha, c.email ? `${c.author} <${c.email}>` : c.author, c.date))}`);
    for (const f of list) {
      out.push(`    ${p.bold(`${f.file}:${f.line}:${f.column}`)}  ${f.ruleName} [${f.ruleId}]  ${p.red(f.secret)}`);
      out.push(`        ${p.dim(m.allowLabel)} ${JSON.stringify({ fingerprint: f.fingerprint, reason: '' })}`);
    }
  }
  const advices: Advice[] = [...new Set(result.findings.map((f) => f.advice))];
  for (const a of advices) out.push('', `${p.bold(m.whyLabel)} ${m.why(a)}`, `${p.bold(m.fixLabel)} ${m.fix(a)}`);
  const configFile = result.config.file && result.config.source !== 'explicit' ? result.config.file : CONFIG_FILE;
  out.push('', p.dim(m.allowHow(configFile)));
  out.push('', p.red(m.commitsSummary(result.findings.length, result.suppressed.length, mode)));
  return out.join('\n') + '\n';
}

/** The message for a scan of the tracked files: the blocking message, in the words of a scan. */
export function renderTreeText(result: CheckResult, m: Messages, p: Paint): string {
  return renderText(result, { ...m, blockedTitle: m.treeBlockedTitle, summaryBlocked: m.treeSummary, summaryClean: m.treeClean }, p);
}
