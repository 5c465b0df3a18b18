import type { Blob } from './backend';
import { BlobReader } from './cat-file';
import { runGit } from './run';
import type { AddedLine, StagedFile } from './types';

export interface TrackedFilesOptions {
  root: string;
  env: NodeJS.ProcessEnv;
  /** Keep only paths for which this is true (checked before any blob is read). */
  include?: (path: string) => boolean;
  /** Skip blobs larger than this many bytes (their paths are reported). */
  maxFileSize?: number;
  /** Files handed out per batch are kept under about this many bytes. */
  batchBytes?: number;
  /** Read this tree's files (e.g. `HEAD`) instead of the index's. */
  tree?: string;
}

/**
 * Every tracked regular file in the index (GIT_INDEX_FILE honoured), as a `StagedFile` whose
 * every line is "added", so the scan pipeline used for staged changes scans the whole tree.
 * Blobs come from one `git cat-file --batch`; files are handed out in batches to bound memory.
 */
export async function* trackedFiles(
  opts: TrackedFilesOptions,
  tooLarge: string[] = [],
  /** Files whose blob is missing (a partial or damaged clone): `path (object id)`. */
  unreadable: string[] = [],
): AsyncGenerator<StagedFile[]> {
  const entries: Array<{ oid: string; path: string }> = [];
  if (opts.tree !== undefined) {
    // A tree's files (ls-tree: `<mode> <type> <oid>\t<path>`), listed without reading any blob.
    const out = await runGit(['ls-tree', '-r', '-z', '--full-tree', opts.tree], { cwd: opts.root, env: opts.env });
    for (const rec of out.toString('utf8').split('\0')) {
      const m = /^(\d{6}) blob ([0-9a-f]+)\t(.*)$/s.exec(rec);
      if (!m || (m[1] !== '100644' && m[1] !== '100755')) continue;
      if (opts.include && !opts.include(m[3])) continue;
      entries.push({ oid: m[2], path: m[3] });
    }
  } else {
    const out = await runGit(['ls-files', '--stage', '-z', '--full-name'], { cwd: opts.root, env: opts.env });
    for (const rec of out.toString('utf8').split('\0')) {
      const m = /^(\d{6}) ([0-9a-f]+) (\d)\t(.*)$/s.exec(rec);
      if (!m || m[3] !== '0' || (m[1] !== '100644' && m[1] !== '100755')) continue;
      if (opts.include && !opts.include(m[4])) continue;
      entries.push({ oid: m[2], path: m[4] });
    }
  }
  const reader = new BlobReader(opts.root, opts.env);
  const limit = opts.batchBytes ?? 16 << 20;
  try {
    let batch: StagedFile[] = [];
    let bytes = 0;
    // Keep a window of reads in flight: one round trip through the pipe per file is the cost otherwise.
    const inFlight: Array<Promise<Blob | null>> = [];
    const window = 64;
    const read = (oid: string): Promise<Blob | null> => {
      const p = reader.read(oid);
      p.catch(() => undefined); // a failure surfaces where it is awaited, never as an unhandled rejection
      return p;
    };
    for (let i = 0; i < Math.min(window, entries.length); i++) inFlight.push(read(entries[i].oid));
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i];
      const blob = await inFlight.shift()!;
      if (i + window < entries.length) inFlight.push(read(entries[i + window].oid));
      if (!blob) {
        unreadable.push(`${e.path} (${e.oid})`);
        continue;
      }
      if (opts.maxFileSize !== undefined && blob.data.length > opts.maxFileSize) {
        tooLarge.push(e.path);
        continue;
      }
      batch.push(asAddedFile(e.path, e.oid, blob.data));
      bytes += blob.data.length;
      if (bytes >= limit) {
        yield batch;
        batch = [];
        bytes = 0;
      }
    }
    if (batch.length > 0) yield batch;
  } finally {
    reader.close();
  }
}

/** A whole blob as a new file: every line added, numbered from 1. */
export function asAddedFile(path: string, oid: string, data: Buffer): StagedFile {
  const added: AddedLine[] = [];
  let start = 0;
  let line = 1;
  while (start < data.length) {
    let nl = data.indexOf(0x0a, start);
    if (nl < 0) nl = data.length;
    added.push({ line: line++, bytes: data.subarray(start, nl) });
    start = nl + 1;
  }
  return { path, status: 'added', kind: 'file', newOid: oid, binary: data.includes(0), added };
}
