import { AkHookError } from '../errors';
import { addedBytes } from './added-lines';
import { BlobReader } from './cat-file';
import type { FileSink, StagedChangesOptions, StreamOptions } from './backend';
import { kindOf, NewFileLines, type Addition } from './new-file-lines';
import { RawSection } from './raw-section';
import { runGit } from './run';
import type { StagedFile } from './types';
import { streamWorktreeBlob } from './worktree-blob';

/**
 * New files, read as blobs instead of through git's diff: every line of a new file is added,
 * and `git cat-file` hands a 50 MB blob over ~4x faster than `git diff` formats it (git diffs
 * even a new file line by line). Listed by the same hardened diff-index as the patch, so
 * renames are paired the same way (a rename target is `R`, never listed here).
 */
export function addedFilesArgs(base: string, diffArgs: readonly string[]): string[] {
  const at = diffArgs.indexOf(base);
  // Same flags (rename detection included), raw NUL-separated records of additions only.
  const flags = diffArgs.slice(0, at).filter((a) => a !== '--patch' && !a.startsWith('--unified') && !a.startsWith('--inter-hunk'));
  return [...flags, '--raw', '-z', '--diff-filter=A', base, '--'];
}

export type { Addition };

/** The new files of the commit (one git process; `signal` stops it). */
export async function listAddedFiles(
  base: string,
  diffArgs: readonly string[],
  opts: StagedChangesOptions,
  signal?: AbortSignal,
): Promise<Addition[]> {
  const out = await runGit(addedFilesArgs(base, diffArgs), { cwd: opts.root, env: opts.env, signal });
  if (out.length === 0) return [];
  // Read as the records before a patch are (one more NUL ends them), by the same strict reader.
  const raw = new RawSection();
  raw.push(Buffer.concat([out, Buffer.alloc(1)]));
  return raw.additions();
}

/** The new files with their lines, read as blobs. */
export async function readAddedFiles(listed: Addition[], opts: StagedChangesOptions): Promise<StagedFile[]> {
  const files: StagedFile[] = [];
  await streamAddedFiles(listed, opts, { add: (f) => files.push(f), wait: () => null });
  return files;
}

/** How many blobs are asked for ahead of the one being handed over (memory: a few files, not all). */
const AHEAD = 16;

/** Bytes read from the working tree (a file counts at least 1 kB) between turns of the event loop. */
const YIELD_BYTES = 256 << 10;

/** After this many files in a row that the working tree did not hold as staged, the rest is read through git. */
const TREE_MISSES = 16;

/**
 * The new files, each handed to `sink` as soon as it is read, in `listed` order. perf: a file is
 * read from the working tree when the file there is a regular file whose bytes hash to the staged
 * blob (what git itself would reuse; worktree-blob.ts), else as a blob through `git cat-file`
 * (started only if some file needs it). `fromTree: false` reads every file through git.
 */
export async function streamAddedFiles(
  listed: Addition[],
  opts: StreamOptions,
  sink: FileSink,
  part?: number,
  fromTree = true,
): Promise<void> {
  if (listed.length === 0) return;
  const reader = new BlobReader(opts.root, opts.env);
  const max = opts.maxFileBytes ?? Infinity;
  // git reads in flight, by index in `listed`; the others are read from the working tree at their turn.
  const ahead = new Map<number, Promise<StagedFile>>();
  let tree = fromTree;
  let misses = 0;
  let next = 0;
  let unyielded = 0;
  const fromGit = (i: number): Promise<StagedFile> => {
    const p = readAddedFile(reader, listed[i], max, opts);
    // Awaited in turn below; a failure of a later one must not count as unhandled meanwhile.
    p.catch(() => undefined);
    return p;
  };
  // perf: a new file whose blob an earlier one's clean scan stands for is not read at all (a
  // vendored tool's copies, repeated licences: 19% of the bytes of real code).
  const scanned = (j: number): boolean => kindOf(listed[j].mode) === 'file' && opts.scannedBlob?.(listed[j].oid) === true;
  try {
    for (let i = 0; i < listed.length; i++) {
      while (next < listed.length && next < i + AHEAD) {
        const j = next++;
        // perf: no look at the disk first (it costs about what the read does): a file the working
        // tree does not hold as staged is read through git at its turn.
        if ((!tree || kindOf(listed[j].mode) !== 'file') && !scanned(j)) ahead.set(j, fromGit(j));
      }
      if (!ahead.has(i) && scanned(i)) {
        if (opts.signal?.aborted) throw new AkHookError('E_GIT_FAILED', 'reading new files was stopped');
        sink.add(sameBlobFile(listed[i]), part);
        const w = sink.wait();
        if (w) await w;
        continue;
      }
      const inTree = tree && !ahead.has(i);
      let f = inTree ? readTreeFile(opts.root, listed[i], max, opts) : null;
      if (inTree) misses = f ? 0 : misses + 1;
      if (misses >= TREE_MISSES) tree = false;
      if (f && (unyielded += addedBytes(f) + 1024) >= YIELD_BYTES) {
        // A file read from disk costs no wait: let git's output and the other reads (HEAD's
        // config, sizes) be taken now and then, not only once every file was read.
        unyielded = 0;
        await new Promise((r) => setImmediate(r));
      }
      f ??= await (ahead.get(i) ?? fromGit(i));
      ahead.delete(i);
      if (opts.signal?.aborted) throw new AkHookError('E_GIT_FAILED', 'reading new files was stopped');
      sink.add(f, part);
      const w = sink.wait();
      if (w) await w;
    }
  } finally {
    reader.close();
  }
}

/** A new file handed over unread: the scan of its blob at an earlier path stands for it. */
function sameBlobFile(l: Addition): StagedFile {
  return { path: l.path, status: 'added', kind: 'file', newOid: l.oid, binary: false, added: [], sameBlob: true };
}

/** The new file read from the working tree, or null when the file there is not the staged blob (what was read is dropped). */
function readTreeFile(
  root: string,
  l: Addition,
  max: number,
  opts: Pick<StreamOptions, 'firstBinaryLine' | 'newBinaryTap'>,
): StagedFile | null {
  const lines = new NewFileLines(l, opts);
  if (streamWorktreeBlob(root, l.path, l.oid, max, (piece) => lines.push(piece)) !== null) return lines.finish(max);
  lines.abandon();
  return null;
}

async function readAddedFile(
  reader: BlobReader,
  l: Addition,
  max: number,
  opts: Pick<StreamOptions, 'firstBinaryLine' | 'newBinaryTap'>,
): Promise<StagedFile> {
  const lines = new NewFileLines(l, opts);
  if (!lines.readsContent) return lines.file;
  // The blob is split into lines as git writes it (views into git's output).
  const blob = await reader.stream(l.oid, Number.isFinite(max) ? max : Number.MAX_SAFE_INTEGER, (piece) => lines.push(piece));
  if (!blob) throw new AkHookError('E_GIT_FAILED', `missing object ${l.oid} (${l.path})`);
  return blob.size > max ? lines.tooLarge() : lines.finish(max);
}
