import {
  countCommits,
  streamCommitsSurviving,
  type CommitChanges,
  type CommitInfo,
  type CommitSelection,
  type UnreadableCommit,
} from './git/commits';
import { findRepoRoot } from './git/repo';
import { cleanCommitStats } from './scan/clean-commit';
import { commitsConfigChange } from './scan/commits-config-change';
import { watchedIn } from './scan/config-change';
import { emptyStats, scanFiles } from './scan/scan-files';
import { keepSecret } from './scan/secret-handle';
import { openSession, type ScanSession, type SessionOptions } from './scan/session';
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
  /**
   * Compare the config that applies with the one the selected commits build on, and report what
   * it lets through (`configChange`): for `check --range` and `--pre-push`. Keeps every
   * commit's file list until the end.
   */
  configChange?: boolean;
}

/**
 * Scans the lines each selected commit adds (oldest first) and reports every secret once,
 * at the commit that introduced it. Never prints, never exits.
 */
export async function scanCommits(opts: ScanCommitsOptions): Promise<CommitsResult> {
  const root = opts.root ?? (await findRepoRoot(opts.cwd, opts.env));
  // perf: git starts reading the history while the config loads and the rules compile; each
  // commit's scan waits for the session. An error opening it wins over any other.
  const opening = openSession({ ...opts, root });
  opening.catch(() => undefined);
  let session: ScanSession | null = null;
  const ready = async (): Promise<ScanSession> => (session ??= await opening);
  try {
    const sel = typeof opts.select === 'function' ? await opts.select(root) : opts.select;
    const git = { root, env: opts.env };
    const stats: ScanStats = emptyStats();
    const runs = new Set<string>();
    const unscanned = new Set<string>();
    const findings: CommitFinding[] = [];
    const suppressed: CommitFinding[] = [];
    const seen = new Set<string>();
    // The total for a progress indicator: the walk alone, counted while the commits are read.
    let total: number | null = null;
    const counting = opts.onProgress ? countCommits(sel, git).then((n) => (total = n)) : null;
    counting?.catch(() => undefined);
    let done = 0;
    let oldest: string | null = null;
    const configFiles: string[] = [];
    const merge = (commit: CommitInfo, r: { findings: Finding[]; suppressed: Finding[]; stats: ScanStats }): void => {
      stats.filesChanged += r.stats.filesChanged;
      stats.filesScanned += r.stats.filesScanned;
      stats.linesScanned += r.stats.linesScanned;
      stats.otherSkipped += r.stats.otherSkipped;
      for (const p of r.stats.textRuns) {
        if (runs.has(p)) continue;
        runs.add(p);
        stats.textRuns.push(p);
      }
      for (const u of r.stats.unscanned) {
        if (unscanned.has(u.path)) continue;
        unscanned.add(u.path);
        stats.unscanned.push(u);
      }
      keepFirst(r.findings, findings, commit);
      keepFirst(r.suppressed, suppressed, commit);
      done++;
      if (total !== null) opts.onProgress!(done, Math.max(done, total));
    };
    const keepFirst = (from: readonly Finding[], to: CommitFinding[], commit: CommitInfo): void => {
      for (const f of from) {
        const key = `${f.fingerprint}\0${f.file}`;
        if (seen.has(key)) continue;
        seen.add(key);
        to.push(keepSecret(f, { ...f, commit }));
      }
    };
    const take = (commit: CommitInfo, all: CommitChanges['files'], s: ScanSession): void | Promise<void> => {
      const files = s.include ? all.filter((f) => s.include!(f.path)) : all;
      // perf: a commit that cannot hold a finding is counted, not scanned (same stats), and
      // taken at once (no promise).
      const clean = cleanCommitStats(files, s.compiled);
      if (clean) return merge(commit, { findings: [], suppressed: [], stats: clean });
      return scanFiles(files, { compiled: s.compiled, allowlist: s.allowlist, blobs: s.blobs, lfs: s.lfs }).then((r) => merge(commit, r));
    };
    const { commits, unreadable } = await streamCommitsSurviving(sel, git, ({ commit, files: all }) => {
      oldest ??= commit.sha;
      if (opts.configChange) configFiles.push(...watchedIn(all));
      return session ? take(commit, all, session) : ready().then((s) => take(commit, all, s));
    });
    if (opts.onProgress && total === null && done > 0) {
      await counting!.catch(() => undefined);
      opts.onProgress(done, Math.max(done, total ?? done));
    }
    const s = await ready();
    const change = opts.configChange
      ? await commitsConfigChange({
          session: s,
          env: opts.env,
          oldest,
          files: configFiles,
          walk: (sink) => streamCommitsSurviving(sel, git, sink),
          findings,
          suppressed,
          rules: opts.rules,
          now: opts.now,
        })
      : undefined;
    return {
      ...(change ? { configChange: change } : {}),
      root: s.root,
      config: s.config,
      findings,
      suppressed,
      expiredEntries: s.allowlist.expiredHits(),
      stats,
      commits,
      unreadable,
    };
  } catch (e) {
    await opening;
    throw e;
  } finally {
    (await opening.catch(() => null))?.close();
  }
}
