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

/** The commits a scan could not read, with git's reasons, and what to do (issue 9). */
export function renderUnreadable(result: CommitsResult, mode: CommitsMode, m: Messages, p: Paint): string {
  if (result.unreadable.length === 0) return '';
  const lines = [p.red(m.unreadableTitle(result.unreadable.length, mode))];
  for (const u of result.unreadable) lines.push(m.unreadableCommit(u.sha, u.reason));
  lines.push(m.unreadableFix);
  return lines.join('\n') + '\n';
}

/** Tracked files a scan could not read (missing objects), and what to do (issue 9). */
export function renderUnreadableFiles(files: readonly string[], m: Messages, p: Paint): string {
  if (files.length === 0) return '';
  return [p.red(m.unreadableFilesTitle(files.length)), ...files.map((f) => `  ${f}`), m.unreadableFix].join('\n') + '\n';
}
