import { AkHookError, isAkHookError } from '../errors';
import { LineSplitter } from './line-splitter';
import { DIFF_FLAGS } from './native';
import { DiffParser } from './parse-diff';
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

/**
 * The lines each selected commit adds against its first parent (oldest first), read with
 * `git log -p` and the hardened diff flags. Merge commits contribute nothing of their own:
 * the commits they bring in are read one by one.
 */
export async function readCommits(sel: CommitSelection, opts: { root: string; env: NodeJS.ProcessEnv }): Promise<CommitChanges[]> {
  for (const r of [...sel.include, ...(sel.exclude ?? [])]) {
    if (r === '' || r.startsWith('-') || /[\s\0]/.test(r))
      throw new AkHookError('E_USAGE', `not a revision: "${r}"`, { text: { id: 'notARevision', args: { value: r } } });
  }
  if (sel.exact ? sel.exact.length === 0 : !sel.all && sel.include.length === 0) return [];
  const out: CommitChanges[] = [];
  let parser: DiffParser | null = null;
  const close = () => {
    if (parser) out[out.length - 1].files = parser.finish();
  };
  const splitter = new LineSplitter((l) => {
    if (l[0] === MARK) {
      close();
      const [sha, date, author, email] = l.subarray(1).toString('utf8').split('\t');
      out.push({ commit: { sha, date, author, email: email ?? '' }, files: [] });
      parser = new DiffParser();
      return;
    }
    if (!parser) {
      if (l.length === 0) return;
      throw new AkHookError('E_GIT_OUTPUT', 'unexpected git log output before the first commit');
    }
    parser.line(l);
  });
  await runGit(commitLogArgs(sel), {
    cwd: opts.root,
    env: opts.env,
    onStdout: (c) => splitter.push(c),
    ...(sel.exact ? { input: sel.exact.join('\n') + '\n' } : {}),
  });
  splitter.end();
  close();
  return out;
}

/** A commit that could not be read (a missing or damaged object), and git's reason. */
export interface UnreadableCommit {
  sha: string;
  reason: string;
}

/**
 * readCommits that survives damage (a partial or damaged clone): when the one `git log -p` fails,
 * the commits are listed and read again in halving chunks, so every readable commit is read
 * and each unreadable one is named with git's reason. When even the list cannot be made
 * (a bad revision, a missing commit in the walk), the first error stands.
 */
export async function readCommitsSurviving(
  sel: CommitSelection,
  opts: { root: string; env: NodeJS.ProcessEnv },
): Promise<{ commits: CommitChanges[]; unreadable: UnreadableCommit[] }> {
  try {
    return { commits: await readCommits(sel, opts), unreadable: [] };
  } catch (first) {
    if (!isAkHookError(first) || (first.code !== 'E_GIT_FAILED' && first.code !== 'E_GIT_OUTPUT')) throw first;
    let shas: string[];
    try {
      shas = (await runGit(revListArgs(sel), { cwd: opts.root, env: opts.env })).toString('utf8').split('\n').filter(Boolean);
    } catch {
      throw first;
    }
    const commits: CommitChanges[] = [];
    const unreadable: UnreadableCommit[] = [];
    const readChunk = async (chunk: string[]): Promise<void> => {
      try {
        commits.push(...(await readCommits({ include: [], exact: chunk }, opts)));
      } catch (e) {
        if (!isAkHookError(e) || (e.code !== 'E_GIT_FAILED' && e.code !== 'E_GIT_OUTPUT')) throw e;
        if (chunk.length === 1) unreadable.push({ sha: chunk[0], reason: e.message });
        else {
          const mid = chunk.length >> 1;
          await readChunk(chunk.slice(0, mid));
          await readChunk(chunk.slice(mid));
        }
      }
    };
    await readChunk(shas);
    return { commits, unreadable };
  }
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
