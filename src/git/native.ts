import type { FileSink, GitBackend, StagedChangesOptions, StreamedOrder, StreamOptions } from './backend';
import { DiffParser } from './parse-diff';
import { RangeSplitter } from './range-splitter';
import { runGit, type GitFlow } from './run';
import { BlobReader } from './cat-file';
import type { StagedChanges } from './types';
import { AkHookError } from '../errors';
import { listAddedFiles, streamAddedFiles } from './native-new-files';
import { kindOf, type Addition } from './new-file-lines';
import { RawSection } from './raw-section';
import { worktreeFileSize } from './worktree-blob';
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

/**
 * The staged patch with the raw list of changes before it (`--raw -z`): the list comes out
 * before git formats any file's diff, so the reader knows the new files at once (see streamDiff).
 * The bin starts exactly this command early (prefetch.ts).
 */
export function stagedPatchArgs(base: string): string[] {
  const args = stagedDiffArgs(base);
  return [...args.slice(0, args.indexOf(base)), '--raw', '-z', base, '--'];
}

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
 * One git process: the raw list of changes, then the whole patch. When the list shows new files
 * that the working tree holds in bulk (SPLIT_BYTES), the patch is stopped before a file was
 * handed over and the commit is read in two parts at once: the patch without new files (only
 * when there are other changes), and the new files read directly: from the working tree when
 * the file there is the staged blob, else as blobs through `git cat-file` (git hands a blob over
 * ~4x faster than it formats a new file's diff). git holds the list back while it diffs a large
 * file, so when it stays silent a while, a second process lists the new files, and if there
 * are any the patch is stopped too. Every way gives the same files (tested); only the time and
 * the order they come in differ (the result says how to order them).
 * Each file goes to `sink` as soon as its lines are read; git is paused while the sink is full.
 */
export async function streamDiff(
  base: string,
  opts: StreamOptions,
  sink: FileSink,
  split: 'auto' | 'never' | 'always' = 'auto',
): Promise<StreamedOrder> {
  if (opts.signal?.aborted) throw stopped();
  if (split === 'always') return streamSplit(base, opts, sink, await listAddedFiles(base, stagedDiffArgs(base), opts, opts.signal), true);
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
  const raw = new RawSection();
  const patch = new AbortController();
  const listing = new AbortController();
  const stop = () => {
    patch.abort();
    listing.abort();
  };
  opts.signal?.addEventListener('abort', stop);
  let heard = false;
  let added: Promise<Addition[]> | null = null;
  // The list said: read the new files directly.
  let direct = false;
  let failure: { e: unknown } | null = null;
  const timer =
    split === 'auto'
      ? setTimeout(() => {
          if (heard) return;
          added = listAddedFiles(base, stagedDiffArgs(base), opts, listing.signal);
          // Too late once a file was handed over: the patch goes on.
          added.then((l) => l.length > 0 && handed === 0 && !direct && patch.abort()).catch(() => undefined);
        }, SILENCE_MS)
      : null;
  try {
    const onStdout = (c: Buffer, flow: GitFlow) => {
      heard = true;
      if (direct) return;
      if (!raw.done) {
        const at = raw.push(c);
        if (at < 0) return;
        if (split === 'auto' && worthReadingDirectly(opts.root, raw)) {
          direct = true;
          patch.abort();
          return;
        }
        raw.drop();
        c = c.subarray(at);
      }
      splitter.push(c);
      holdWhileFull(sink, flow);
    };
    await runGit(stagedPatchArgs(base), { cwd: opts.root, env: opts.env, signal: patch.signal, onStdout });
  } catch (e) {
    failure = { e };
  } finally {
    if (timer) clearTimeout(timer);
    opts.signal?.removeEventListener('abort', stop);
  }
  if (opts.signal?.aborted) {
    listing.abort();
    throw stopped();
  }
  // (Also when git had ended before it was stopped: the rest of its output was not read.)
  if (direct) {
    listing.abort();
    return streamSplit(base, opts, sink, raw.additions(), raw.hasOthers());
  }
  if (failure) {
    if (patch.signal.aborted && added) return streamSplit(base, opts, sink, await added, true);
    listing.abort();
    throw failure.e;
  }
  // The patch won: stop the listing if it still runs.
  if (added) {
    listing.abort();
    await (added as Promise<Addition[]>).catch(() => undefined);
  }
  raw.end();
  splitter.end();
  parser.finish();
  return { order: 'git' };
}

/**
 * Bytes of new files in the working tree from which reading them directly (and git's patch
 * without them) beats the whole patch: below it, the patch costs git little and the split
 * would start a second process.
 */
const SPLIT_BYTES = 1 << 20;
/** New files looked at in a row that the working tree does not hold before the patch is kept. */
const PROBES = 256;

/** True when the working tree holds at least SPLIT_BYTES of the new files (as regular files; a cheap look, not a read). */
function worthReadingDirectly(root: string, raw: RawSection): boolean {
  let bytes = 0;
  let misses = 0;
  for (let i = 0, a = raw.addition(0); a; a = raw.addition(++i)) {
    const size = kindOf(a.mode) === 'file' ? worktreeFileSize(root, a.path) : null;
    if (size === null) {
      if (++misses >= PROBES) return false;
      continue;
    }
    misses = 0;
    bytes += size;
    if (bytes >= SPLIT_BYTES) return true;
  }
  return false;
}

/**
 * The new files read directly, and (`patch`: there are other changes) the patch without new
 * files, at once; merged in path-byte order by the caller.
 */
async function streamSplit(base: string, opts: StreamOptions, sink: FileSink, listed: Addition[], patch: boolean): Promise<StreamedOrder> {
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
    patch ? runGit(stagedDiffArgs(base, 'a'), { cwd: opts.root, env: opts.env, signal: opts.signal, onStdout }) : null,
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
