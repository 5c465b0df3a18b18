import type { GitBackend, StagedChangesOptions } from './backend';
import { DiffParser } from './parse-diff';
import { RangeSplitter } from './range-splitter';
import { runGit } from './run';
import { BlobReader } from './cat-file';
import type { StagedChanges } from './types';
import { AkHookError } from '../errors';
import { listAddedFiles, readAddedFiles, type Addition } from './native-new-files';
import type { StagedFile } from './types';

/** The empty tree: what an unborn HEAD (first commit) is compared against. */
export const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

/** Flags that fix every output choice git would otherwise take from config or defaults. */
export function stagedDiffArgs(base: string, filter?: string): string[] {
  return ['diff-index', '--cached', ...DIFF_FLAGS, ...(filter ? [`--diff-filter=${filter}`] : []), base, '--'];
}

/** The diff output flags every reader uses (staged changes, commits, trees). */
export const DIFF_FLAGS: readonly string[] = [
  '--patch',
  '--unified=0',
  '--inter-hunk-context=0',
  '--full-index',
  '--text',
  '--no-color',
  '--no-ext-diff',
  '--no-textconv',
  '--find-renames',
  '--diff-algorithm=myers',
  '--no-indent-heuristic',
  '--src-prefix=a/',
  '--dst-prefix=b/',
  '--submodule=short',
  '--ignore-submodules=none',
];

/** The primary backend: the git binary that runs the hook, read through hardened plumbing. */
export function nativeBackend(): GitBackend {
  return {
    name: 'native',
    async stagedChanges(opts: StagedChangesOptions): Promise<StagedChanges> {
      try {
        return await readDiff('HEAD', opts);
      } catch (e) {
        // An unborn branch (the first commit) has no HEAD: compare with the empty tree.
        if (!(e instanceof AkHookError) || !/bad revision 'HEAD'/.test(String(e.data.stderr ?? ''))) throw e;
        return readDiff(EMPTY_TREE, opts);
      }
    },
    openBlobReader(opts) {
      return new BlobReader(opts.root, opts.env);
    },
  };
}

/** How long git may stay silent before the reader looks for new files (a large one is slow to diff). */
const SILENCE_MS = 50;

/**
 * One git process in the common case: the whole patch. git computes a file's whole diff before
 * it prints a line of it, so when it stays silent a while, a second process lists the new files;
 * if there are any, the patch is stopped and read again in two parts at once: the patch without
 * new files, and the new files read as blobs (git hands a blob over ~4x faster than it formats
 * a new file's diff). Every way gives the same result (tested); only the time differs.
 */
export async function readDiff(
  base: string,
  opts: StagedChangesOptions,
  split: 'auto' | 'never' | 'always' = 'auto',
): Promise<StagedChanges> {
  if (split === 'always') return readDiffSplit(base, opts, await listAddedFiles(base, stagedDiffArgs(base), opts));
  const parser = new DiffParser({ maxFileBytes: opts.maxFileBytes });
  const splitter = new RangeSplitter((buf, start, end, clean) => parser.lineAt(buf, start, end, clean));
  const patch = new AbortController();
  const listing = new AbortController();
  let heard = false;
  let added: Promise<Addition[]> | null = null;
  const timer =
    split === 'auto'
      ? setTimeout(() => {
          if (heard) return;
          added = listAddedFiles(base, stagedDiffArgs(base), opts, listing.signal);
          added.then((l) => l.length > 0 && patch.abort()).catch(() => undefined);
        }, SILENCE_MS)
      : null;
  try {
    const onStdout = (c: Buffer) => {
      heard = true;
      splitter.push(c);
    };
    await runGit(stagedDiffArgs(base), { cwd: opts.root, env: opts.env, signal: patch.signal, onStdout });
  } catch (e) {
    if (patch.signal.aborted && added) return readDiffSplit(base, opts, await added);
    listing.abort();
    throw e;
  } finally {
    if (timer) clearTimeout(timer);
  }
  // The patch won: stop the listing if it still runs.
  if (added) {
    listing.abort();
    await (added as Promise<Addition[]>).catch(() => undefined);
  }
  splitter.end();
  return { files: parser.finish() };
}

/** The patch without new files and the new files as blobs, at once; files in git's order (path bytes). */
async function readDiffSplit(base: string, opts: StagedChangesOptions, listed: Addition[]): Promise<StagedChanges> {
  const parser = new DiffParser({ maxFileBytes: opts.maxFileBytes });
  const splitter = new RangeSplitter((buf, start, end, clean) => parser.lineAt(buf, start, end, clean));
  const [, added] = await Promise.all([
    runGit(stagedDiffArgs(base, 'a'), { cwd: opts.root, env: opts.env, onStdout: (c) => splitter.push(c) }),
    readAddedFiles(listed, opts),
  ]);
  splitter.end();
  const patched = parser.finish();
  if (added.length === 0) return { files: patched };
  const key = (f: StagedFile) => Buffer.from(f.path, 'utf8');
  return { files: [...patched, ...added].sort((x, y) => Buffer.compare(key(x), key(y))) };
}
