import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import * as path from 'node:path';
import type { Blob, BlobSource } from './backend';
import { readLooseBlob } from './loose-object';
import { objectsDirWithoutGit } from './repo';

/** Files larger than this are read through git (a mismatch would cost a second read). */
const MAX_BYTES = 8 << 20;

/**
 * perf: a blob read from the working tree when the file there is exactly the staged blob: its
 * bytes hash to the object id (git's own `blob <size>\0` header, SHA-1 or SHA-256 by the id's
 * length), the way git itself reuses a work-tree file for a diff. Saves starting `git cat-file`
 * on a blocked commit whose finding needs the line above it. Anything else (a half-staged file,
 * a line-ending filter, a symlink, a missing or odd file) is null: the caller asks git.
 */
export function readWorktreeBlob(root: string, file: string, oid: string): Blob | null {
  const algo = oid.length === 40 ? 'sha1' : oid.length === 64 ? 'sha256' : null;
  if (!algo || !/^[0-9a-f]+$/.test(oid) || file.split('/').some((p) => p === '' || p === '.' || p === '..')) return null;
  let fd = -1;
  try {
    // Never follow a final symlink, never block on a FIFO.
    fd = openSync(path.join(root, file), constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    const st = fstatSync(fd);
    if (!st.isFile() || st.size > MAX_BYTES) return null;
    const data = Buffer.allocUnsafe(st.size);
    let got = 0;
    while (got < data.length) {
      const n = readSync(fd, data, got, data.length - got, got);
      if (n === 0) return null;
      got += n;
    }
    if (readSync(fd, Buffer.allocUnsafe(1), 0, 1, got) !== 0) return null; // it grew while read
    const digest = createHash(algo).update(`blob ${data.length}\0`).update(data).digest('hex');
    return digest === oid ? { oid, data } : null;
  } catch {
    return null;
  } finally {
    if (fd >= 0) closeSync(fd);
  }
}

/**
 * A blob source whose `readAt(oid, path)` takes the blob from the working tree when the file
 * there is that blob, else from git's loose objects, and only then asks `source` (git).
 */
export function localFirst(source: BlobSource, root: string, env: NodeJS.ProcessEnv): BlobSource {
  let objects: string | null | undefined;
  return {
    read: (spec) => source.read(spec),
    readAt: async (oid, file) => {
      const here = readWorktreeBlob(root, file, oid);
      if (here) return here;
      if (objects === undefined) objects = objectsDirWithoutGit(root, env);
      return (objects !== null ? readLooseBlob(objects, oid) : null) ?? source.read(oid);
    },
    close: () => source.close(),
  };
}
