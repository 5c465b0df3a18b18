import { AkHookError, isAkHookError } from '../errors';
import { DIFF_FLAGS } from './native';
import { DiffParser } from './parse-diff';
import { RangeSplitter } from './range-splitter';
import { runGit } from './run';
import type { StagedFile } from './types';

/** Who made a commit and when (author date, ISO 8601). */
export interface CommitInfo {
  sha: string;
  author: string;
  email: string;
  date: string;
}

/** What one commit adds, in the same shape as the staged changes. */
export interface CommitChanges {
  commit: CommitInfo;
  files: StagedFile[];
}

/** Starts a commit header line; a hunk line always starts with '+', '-', ' ' or '\'. */
const MARK = 0x01;

/** Which commits: `include` (revisions or ranges such as `a..b`), minus `exclude` and, optionally, everything on a remote-tracking branch. */
export interface CommitSelection {
  include: readonly string[];
  exclude?: readonly string[];
  /** Leave out commits reachable from any remote-tracking ref (refs/remotes/*). */
  notOnRemotes?: boolean;
  /** Every ref (branches, tags, remotes, stash) instead of `include`. */
  all?: boolean;
  /** Exactly these commits, in this order (no walk); `include` and the rest are ignored. */
  exact?: readonly string[];
}

/** `git log` flags, on top of the diff flags: fixed output whatever log.* config says. */
export function commitLogArgs(sel: CommitSelection): string[] {
  const walk = sel.exact ? ['--no-walk=unsorted', '--stdin'] : selectionWalk(sel);
  return [
    '-c',
    'log.showSignature=false',
    '-c',
    'log.showRoot=true',
    'log',
    ...DIFF_FLAGS,
    '--format=tformat:%x01%H%x09%aI%x09%an%x09%ae',
    '--encoding=UTF-8',
    '--diff-merges=off',
    // diff.orderFile is hardened to '' (ignored by plumbing); git log would try to read it.
    '-O/dev/null',
    '--no-notes',
    '--no-decorate',
    '--no-mailmap',
    ...walk,
    '--',
  ];
}

/** Hands over each commit once its diff is complete; may be async (the next waits for it). */
export type CommitSink = (c: CommitChanges) => void | Promise<void>;

/** Commits parsed but not yet taken by the sink before git's output is paused. */
const HIGH_WATER = 64;

/**
 * The lines each selected commit adds against its first parent (oldest first), read with
 * `git log -p` and the hardened diff flags, each commit handed to `sink` as soon as git has
 * written the whole of it (so the scan runs while git still writes the later ones; memory
 * holds the commits in between, not the history). Merge commits contribute nothing of their
 * own: the commits they bring in are read one by one. Resolves when git has finished and the
 * sink has taken every commit; a sink error stops git and is thrown as is; a git error is
 * thrown after the sink has taken every commit completed before it.
 */
export async function streamCommits(sel: CommitSelection, opts: { root: string; env: NodeJS.ProcessEnv }, sink: CommitSink): Promise<void> {
  checkRevisions(sel);
  if (isEmpty(sel)) return;
  let cur: CommitChanges | null = null;
  let parser: DiffParser | null = null;
  let chain: Promise<void> = Promise.resolve();
  let sinkError: { e: unknown } | null = null;
  let waiting = 0;
  let gitFlow: { pause(): void; resume(): void } | null = null;
  const stop = new AbortController();
  const settle = (p: Promise<void>): void => {
    chain = p.then(
      () => {
        if (waiting-- === HIGH_WATER) gitFlow?.resume();
      },
      (e: unknown) => {
        waiting--;
        sinkError ??= { e };
        stop.abort();
      },
    );
  };
  const hand = (c: CommitChanges): void => {
    if (++waiting === HIGH_WATER) gitFlow?.pause();
    if (waiting > 1) {
      settle(chain.then(() => (sinkError ? undefined : sink(c))));
      return;
    }
    // perf: no commit waits before this one: the sink takes it now, and only a promise it
    // returns is waited for (a history's clean commits are taken without one).
    if (sinkError) {
      waiting--;
      return;
    }
    let r: void | Promise<void>;
    try {
      r = sink(c);
    } catch (e) {
      waiting--;
      sinkError ??= { e };
      stop.abort();
      return;
    }
    if (r === undefined) waiting--;
    else settle(Promise.resolve(r));
  };
  const close = (): void => {
    if (!cur) return;
    cur.files = parser!.finish();
    hand(cur);
    cur = null;
  };
  const splitter = new RangeSplitter((buf, start, end, clean) => {
    if (buf[start] === MARK && end > start) {
      close();
      const [sha, date, author, email] = buf.toString('utf8', start + 1, end).split('\t');
      cur = { commit: { sha, date, author, email: email ?? '' }, files: [] };
      // perf: one parser for every commit (finish() hands over its files and starts anew).
      parser ??= new DiffParser();
      return;
    }
    if (!parser) {
      if (end === start) return;
      throw new AkHookError('E_GIT_OUTPUT', 'unexpected git log output before the first commit');
    }
    parser.lineAt(buf, start, end, clean);
  });
  let gitError: { e: unknown } | null = null;
  try {
    await runGit(commitLogArgs(sel), {
      cwd: opts.root,
      env: opts.env,
      signal: stop.signal,
      // A runGit that hands over its flow control (pause/resume) lets a slow sink hold git back.
      onStdout: (c: Buffer, flow?: { pause(): void; resume(): void }) => {
        gitFlow ??= flow ?? null;
        splitter.push(c);
      },
      ...(sel.exact ? { input: sel.exact.join('\n') + '\n' } : {}),
    });
    splitter.end();
    close();
  } catch (e) {
    gitError = { e };
  }
  await chain;
  if (sinkError) throw (sinkError as { e: unknown }).e;
  if (gitError) throw gitError.e;
}

/** A commit that could not be read (a missing or damaged object), and git's reason. */
export interface UnreadableCommit {
  sha: string;
  reason: string;
}

const isReadError = (e: unknown): e is AkHookError => isAkHookError(e) && (e.code === 'E_GIT_FAILED' || e.code === 'E_GIT_OUTPUT');

/**
 * streamCommits that survives damage (a partial or damaged clone): when the one `git log -p`
 * fails, the commits are listed and those not yet handed over are read again in halving
 * chunks, so every readable commit reaches the sink (once, oldest first) and each unreadable
 * one is named with git's reason. When even the list cannot be made (a bad revision, a
 * missing commit in the walk), the first error stands.
 */
export async function streamCommitsSurviving(
  sel: CommitSelection,
  opts: { root: string; env: NodeJS.ProcessEnv },
  sink: CommitSink,
): Promise<{ commits: number; unreadable: UnreadableCommit[] }> {
  const handed = new Set<string>();
  const take: CommitSink = (c) => {
    handed.add(c.commit.sha);
    return sink(c);
  };
  try {
    await streamCommits(sel, opts, take);
    return { commits: handed.size, unreadable: [] };
  } catch (first) {
    if (!isReadError(first)) throw first;
    let shas: string[];
    try {
      shas = (await runGit(revListArgs(sel), { cwd: opts.root, env: opts.env })).toString('utf8').split('\n').filter(Boolean);
    } catch {
      throw first;
    }
    const unreadable: UnreadableCommit[] = [];
    const readChunk = async (chunk: string[]): Promise<void> => {
      if (chunk.length === 0) return;
      try {
        await streamCommits({ include: [], exact: chunk }, opts, take);
      } catch (e) {
        if (!isReadError(e)) throw e;
        // The commits handed over before git failed are done; the rest is read again.
        const left = chunk.filter((sha) => !handed.has(sha));
        if (left.length === 1) unreadable.push({ sha: left[0], reason: e.message });
        else {
          const mid = left.length >> 1;
          await readChunk(left.slice(0, mid));
          await readChunk(left.slice(mid));
        }
      }
    };
    await readChunk(shas.filter((sha) => !handed.has(sha)));
    return { commits: handed.size, unreadable };
  }
}

/** How many commits a selection holds (for a progress indicator; the walk alone, no diffs). */
export async function countCommits(sel: CommitSelection, opts: { root: string; env: NodeJS.ProcessEnv }): Promise<number> {
  checkRevisions(sel);
  if (sel.exact) return sel.exact.length;
  if (isEmpty(sel)) return 0;
  const out = await runGit(['rev-list', '--count', ...selectionWalk(sel), '--'], { cwd: opts.root, env: opts.env });
  return Number(out.toString('latin1').trim());
}

function checkRevisions(sel: CommitSelection): void {
  for (const r of [...sel.include, ...(sel.exclude ?? [])]) {
    if (r === '' || r.startsWith('-') || /[\s\0]/.test(r))
      throw new AkHookError('E_USAGE', `not a revision: "${r}"`, { text: { id: 'notARevision', args: { value: r } } });
  }
}

function isEmpty(sel: CommitSelection): boolean {
  return sel.exact ? sel.exact.length === 0 : !sel.all && sel.include.length === 0;
}

/** The commits of a selection, oldest first, in the order `git log` reads them. */
function revListArgs(sel: CommitSelection): string[] {
  return ['rev-list', ...selectionWalk(sel), '--'];
}

/** The revision walk of a selection (git log and rev-list alike): oldest first, topological. */
function selectionWalk(sel: CommitSelection): string[] {
  return [
    '--topo-order',
    '--reverse',
    ...(sel.all ? ['--all'] : []),
    ...(sel.notOnRemotes ? ['--not', '--remotes', '--not'] : []),
    '--end-of-options',
    ...sel.include,
    ...(sel.exclude ?? []).map((r) => `^${r}`),
  ];
}
