import type { FileSink, GitBackend, StagedChangesOptions, StreamedOrder, StreamOptions } from './backend';
import { DiffParser } from './parse-diff';
import { RangeSplitter } from './range-splitter';
import { runGit, type GitFlow } from './run';
import { BlobReader } from './cat-file';
import type { StagedChanges } from './types';
import { AkHookError } from '../errors';
import { listAddedFiles, streamAddedFiles, type Addition } from './native-new-files';
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
    async streamStagedChanges(opts, sink) {
      // Nothing is handed over before git says whether HEAD exists (it fails before any output).
      try {
        return await streamDiff('HEAD', opts, sink);
      } catch (e) {
        if (!(e instanceof AkHookError) || !/bad revision 'HEAD'/.test(String(e.data.stderr ?? ''))) throw e;
        return streamDiff(EMPTY_TREE, opts, sink);
      }
    },
  };
}

/** How long git may stay silent before the reader looks for new files (a large one is slow to diff). */
const SILENCE_MS = 50;

/** The whole list (files in the order streamDiff hands them over, merged by path when it says so). */
export async function readDiff(
  base: string,
  opts: StagedChangesOptions,
  split: 'auto' | 'never' | 'always' = 'auto',
): Promise<StagedChanges> {
  const got: Array<{ file: StagedFile; part: number }> = [];
  const { order } = await streamDiff(base, opts, { add: (file, part = 0) => got.push({ file, part }), wait: () => null }, split);
  return { files: inOrder(got, order).map((g) => g.file) };
}

/**
 * Files from several readers merged in path-byte order (stable: by reader, then as read),
 * or kept as git printed them.
 */
export function inOrder<T extends { file: StagedFile; part: number }>(items: T[], order: StreamedOrder['order']): T[] {
  if (order === 'git') return items;
  const keyed = items.map((it, i) => ({ it, i, key: Buffer.from(it.file.path, 'utf8') }));
  keyed.sort((x, y) => Buffer.compare(x.key, y.key) || x.it.part - y.it.part || x.i - y.i);
  return keyed.map((k) => k.it);
}

/**
 * One git process in the common case: the whole patch. git computes a file's whole diff before
 * it prints a line of it, so when it stays silent a while, a second process lists the new files;
 * if there are any (and no file was handed over yet), the patch is stopped and read again in two
 * parts at once: the patch without new files, and the new files read as blobs (git hands a blob
 * over ~4x faster than it formats a new file's diff). Every way gives the same files (tested);
 * only the time and the order they come in differ (the result says how to order them).
 * Each file goes to `sink` as soon as its lines are read; git is paused while the sink is full.
 */
export async function streamDiff(
  base: string,
  opts: StreamOptions,
  sink: FileSink,
  split: 'auto' | 'never' | 'always' = 'auto',
): Promise<StreamedOrder> {
  if (opts.signal?.aborted) throw stopped();
  if (split === 'always') return streamSplit(base, opts, sink, await listAddedFiles(base, stagedDiffArgs(base), opts, opts.signal));
  let handed = 0;
  const parser = new DiffParser({
    maxFileBytes: opts.maxFileBytes,
    firstBinaryLine: opts.firstBinaryLine,
    newBinaryTap: opts.newBinaryTap,
    onFile: (f) => {
      handed++;
      sink.add(f, 0);
    },
  });
  const splitter = new RangeSplitter((buf, start, end, clean) => parser.lineAt(buf, start, end, clean));
  const patch = new AbortController();
  const listing = new AbortController();
  const stop = () => {
    patch.abort();
    listing.abort();
  };
  opts.signal?.addEventListener('abort', stop);
  let heard = false;
  let added: Promise<Addition[]> | null = null;
  const timer =
    split === 'auto'
      ? setTimeout(() => {
          if (heard) return;
          added = listAddedFiles(base, stagedDiffArgs(base), opts, listing.signal);
          // Too late once a file was handed over: the patch goes on.
          added.then((l) => l.length > 0 && handed === 0 && patch.abort()).catch(() => undefined);
        }, SILENCE_MS)
      : null;
  try {
    const onStdout = (c: Buffer, flow: GitFlow) => {
      heard = true;
      splitter.push(c);
      holdWhileFull(sink, flow);
    };
    await runGit(stagedDiffArgs(base), { cwd: opts.root, env: opts.env, signal: patch.signal, onStdout });
  } catch (e) {
    if (patch.signal.aborted && added && !opts.signal?.aborted) {
      opts.signal?.removeEventListener('abort', stop);
      return streamSplit(base, opts, sink, await added);
    }
    listing.abort();
    throw opts.signal?.aborted ? stopped() : e;
  } finally {
    if (timer) clearTimeout(timer);
    opts.signal?.removeEventListener('abort', stop);
  }
  // The patch won: stop the listing if it still runs.
  if (added) {
    listing.abort();
    await (added as Promise<Addition[]>).catch(() => undefined);
  }
  splitter.end();
  parser.finish();
  return { order: 'git' };
}

/** The patch without new files and the new files as blobs, at once; merged in path-byte order by the caller. */
async function streamSplit(base: string, opts: StreamOptions, sink: FileSink, listed: Addition[]): Promise<StreamedOrder> {
  const parser = new DiffParser({
    maxFileBytes: opts.maxFileBytes,
    firstBinaryLine: opts.firstBinaryLine,
    newBinaryTap: opts.newBinaryTap,
    onFile: (f) => sink.add(f, 0),
  });
  const splitter = new RangeSplitter((buf, start, end, clean) => parser.lineAt(buf, start, end, clean));
  const onStdout = (c: Buffer, flow: GitFlow) => {
    splitter.push(c);
    holdWhileFull(sink, flow);
  };
  await Promise.all([
    runGit(stagedDiffArgs(base, 'a'), { cwd: opts.root, env: opts.env, signal: opts.signal, onStdout }),
    streamAddedFiles(listed, opts, sink, 1),
  ]);
  splitter.end();
  parser.finish();
  return { order: 'path' };
}

/** Pauses git's output while the sink is full. */
function holdWhileFull(sink: FileSink, flow: GitFlow): void {
  const w = sink.wait();
  if (!w) return;
  flow.pause();
  void w.then(() => flow.resume());
}

function stopped(): AkHookError {
  return new AkHookError('E_GIT_FAILED', 'reading the staged changes was stopped');
}
