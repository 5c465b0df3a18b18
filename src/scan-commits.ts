import { readCommitsSurviving, type CommitInfo, type CommitSelection, type UnreadableCommit } from './git/commits';
import { emptyStats, scanFiles } from './scan/scan-files';
import { keepSecret } from './scan/secret-handle';
import { openSession, type SessionOptions } from './scan/session';
import type { CheckResult, Finding, ScanStats } from './scan/types';

export type { CommitInfo, CommitSelection, UnreadableCommit };

/** A finding in a commit: the commit that introduced the secret. */
export interface CommitFinding extends Finding {
  commit: CommitInfo;
}

export interface CommitsResult extends CheckResult {
  findings: CommitFinding[];
  suppressed: CommitFinding[];
  /** Commits read. */
  commits: number;
  /** Commits that could not be read (a partial or damaged clone): the scan is incomplete. */
  unreadable: UnreadableCommit[];
}

export interface ScanCommitsOptions extends SessionOptions {
  /** Which commits; a function when the selection needs the repository root (pre-push). */
  select: CommitSelection | ((root: string) => Promise<CommitSelection>);
  /** Called after each commit is scanned (for a progress indicator). */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Scans the lines each selected commit adds (oldest first) and reports every secret once,
 * at the commit that introduced it. Never prints, never exits.
 */
export async function scanCommits(opts: ScanCommitsOptions): Promise<CommitsResult> {
  const s = await openSession(opts);
  try {
    const sel = typeof opts.select === 'function' ? await opts.select(s.root) : opts.select;
    const { commits, unreadable } = await readCommitsSurviving(sel, { root: s.root, env: opts.env });
    const stats: ScanStats = emptyStats();
    const findings: CommitFinding[] = [];
    const suppressed: CommitFinding[] = [];
    const seen = new Set<string>();
    let done = 0;
    for (const { commit, files: all } of commits) {
      const files = s.include ? all.filter((f) => s.include!(f.path)) : all;
      const r = await scanFiles(files, { compiled: s.compiled, allowlist: s.allowlist, blobs: s.blobs });
      stats.filesChanged += r.stats.filesChanged;
      stats.filesScanned += r.stats.filesScanned;
      stats.linesScanned += r.stats.linesScanned;
      stats.otherSkipped += r.stats.otherSkipped;
      for (const p of r.stats.textRuns) if (!stats.textRuns.includes(p)) stats.textRuns.push(p);
      for (const u of r.stats.unscanned) if (!stats.unscanned.some((x) => x.path === u.path)) stats.unscanned.push(u);
      for (const [from, to] of [
        [r.findings, findings],
        [r.suppressed, suppressed],
      ] as const) {
        for (const f of from) {
          const key = `${f.fingerprint}\0${f.file}`;
          if (seen.has(key)) continue;
          seen.add(key);
          to.push(keepSecret(f, { ...f, commit }));
        }
      }
      opts.onProgress?.(++done, commits.length);
    }
    return {
      root: s.root,
      config: s.config,
      findings,
      suppressed,
      expiredEntries: s.allowlist.expiredHits(),
      stats,
      commits: commits.length,
      unreadable,
    };
  } finally {
    s.close();
  }
}
