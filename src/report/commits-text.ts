import type { CommitsResult } from '../scan-commits';
import type { CheckResult } from '../scan/types';
import type { Paint } from './colors';
import type { CommitsMode, Messages } from './messages/types';
import { renderText } from './text';

/**
 * The message for commits (a push, a range, the history): the blocking message, with each
 * location written `<commit>:<path>:<line>:<col>` (`git show <commit>:<path>` opens it) and,
 * under the title, the commits that introduced the secrets (sha, author, date).
 */
export function renderCommitsText(result: CommitsResult, mode: CommitsMode, m: Messages, p: Paint): string {
  const short = (sha: string) => sha.slice(0, 12);
  const relabelled: CheckResult = { ...result, findings: result.findings.map((f) => ({ ...f, file: `${short(f.commit.sha)}:${f.file}` })) };
  const text = renderText(
    relabelled,
    {
      ...m,
      blockedTitle: (n) => m.commitsBlockedTitle(n, mode),
      blockedFooter: m.commitsFooter(mode),
      summaryClean: (_files, allowed) => m.commitsClean(result.commits, allowed),
    },
    p,
  );
  if (result.findings.length === 0) return text;
  const commits = new Map(result.findings.map((f) => [f.commit.sha, f.commit]));
  const headers = [...commits.values()].map(
    (c) => `  ${p.yellow(m.commitHeader(c.sha, c.email ? `${c.author} <${c.email}>` : c.author, c.date))}`,
  );
  const nl = text.indexOf('\n');
  return `${text.slice(0, nl + 1)}${headers.join('\n')}\n${text.slice(nl + 1)}`;
}

/** The message for a scan of the tracked files: the blocking message, in the words of a scan. */
export function renderTreeText(result: CheckResult, m: Messages, p: Paint): string {
  return renderText(result, { ...m, blockedTitle: m.treeBlockedTitle, blockedFooter: m.treeFooter, summaryClean: m.treeClean }, p);
}
