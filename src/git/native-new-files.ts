import { AkHookError } from '../errors';
import { attachStore } from './added-lines';
import { BlobReader } from './cat-file';
import { RangeSplitter } from './range-splitter';
import type { BlobTap, FileSink, StagedChangesOptions, StreamOptions } from './backend';
import { runGit } from './run';
import type { FileKind, StagedFile } from './types';

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

function kindOf(mode: string): FileKind {
  if (mode === '160000') return 'submodule';
  if (mode === '120000') return 'symlink';
  return 'file';
}

/** Parses `:000000 100644 0…0 <oid> A\0path\0` records. */
export function parseRawAdditions(out: Buffer): Array<{ path: string; mode: string; oid: string }> {
  const files: Array<{ path: string; mode: string; oid: string }> = [];
  let pos = 0;
  while (pos < out.length) {
    const nul = out.indexOf(0, pos);
    const pathEnd = nul < 0 ? -1 : out.indexOf(0, nul + 1);
    if (nul < 0 || pathEnd < 0) break;
    const [, mode, , oid] = out.toString('latin1', pos + 1, nul).split(' ');
    files.push({ path: out.toString('utf8', nul + 1, pathEnd), mode, oid });
    pos = pathEnd + 1;
  }
  return files;
}

export type Addition = ReturnType<typeof parseRawAdditions>[number];

/** The new files of the commit (one git process; `signal` stops it). */
export async function listAddedFiles(
  base: string,
  diffArgs: readonly string[],
  opts: StagedChangesOptions,
  signal?: AbortSignal,
): Promise<Addition[]> {
  return parseRawAdditions(await runGit(addedFilesArgs(base, diffArgs), { cwd: opts.root, env: opts.env, signal }));
}

/** The new files with their lines, read as blobs. */
export async function readAddedFiles(listed: Addition[], opts: StagedChangesOptions): Promise<StagedFile[]> {
  const files: StagedFile[] = [];
  await streamAddedFiles(listed, opts, { add: (f) => files.push(f), wait: () => null });
  return files;
}

/** How many blobs are asked for ahead of the one being handed over (memory: a few files, not all). */
const AHEAD = 16;

/** The new files read as blobs, each handed to `sink` as soon as it is read, in `listed` order. */
export async function streamAddedFiles(listed: Addition[], opts: StreamOptions, sink: FileSink, part?: number): Promise<void> {
  if (listed.length === 0) return;
  const reader = new BlobReader(opts.root, opts.env);
  const max = opts.maxFileBytes ?? Infinity;
  const ahead: Array<Promise<StagedFile>> = [];
  let next = 0;
  try {
    for (let i = 0; i < listed.length; i++) {
      while (next < listed.length && next < i + AHEAD) {
        const p = readAddedFile(reader, listed[next++], max, opts);
        // Awaited in turn below; a failure of a later one must not count as unhandled meanwhile.
        p.catch(() => undefined);
        ahead.push(p);
      }
      const f = await ahead.shift()!;
      if (opts.signal?.aborted) throw new AkHookError('E_GIT_FAILED', 'reading new files was stopped');
      sink.add(f, part);
      const w = sink.wait();
      if (w) await w;
    }
  } finally {
    reader.close();
  }
}

async function readAddedFile(
  reader: BlobReader,
  l: Addition,
  max: number,
  opts: Pick<StreamOptions, 'firstBinaryLine' | 'newBinaryTap'>,
): Promise<StagedFile> {
  const f: StagedFile = { path: l.path, status: 'added', kind: kindOf(l.mode), newOid: l.oid, binary: false, added: [] };
  if (f.kind !== 'file') return f;
  const store = attachStore(f);
  const firstOnly = opts.firstBinaryLine === true;
  // The blob is split into lines as git writes it (no copy into one buffer).
  let line = 1;
  let nul = false;
  const splitter = new RangeSplitter((buf, start, end, clean) => {
    if (nul && firstOnly && store.count > 0) line++;
    else store.push(line++, buf, start, end, clean);
  });
  // Until a NUL shows (then they go to the tap, and the rest as it comes), the pieces read (views into git's output).
  let pieces: Buffer[] | null = opts.newBinaryTap ? [] : null;
  let tap: BlobTap | null = null;
  const blob = await reader.stream(l.oid, Number.isFinite(max) ? max : Number.MAX_SAFE_INTEGER, (piece) => {
    if (tap) tap.write(piece, 0, piece.length);
    else pieces?.push(piece);
    // perf: once a binary blob's first line is kept, the rest is not split into lines (none is kept).
    if (nul && firstOnly && store.count > 0) return;
    if (!nul && piece.includes(0)) {
      nul = true;
      tap = pieces && opts.newBinaryTap!(l.oid);
      if (tap) for (const p of pieces!) tap.write(p, 0, p.length);
      pieces = null;
      // Only the first line stays (as the patch reader keeps it), wherever git's output was cut.
      if (firstOnly) store.truncate(1);
    }
    splitter.push(piece);
  });
  if (!blob) throw new AkHookError('E_GIT_FAILED', `missing object ${l.oid} (${l.path})`);
  if (blob.size > max) {
    f.tooLarge = true;
    f.added = [];
    return f;
  }
  splitter.end();
  f.binary = nul;
  if (tap) {
    const { view, bytes } = (tap as BlobTap).end();
    store.keepView(view, bytes);
  }
  return f;
}
