import { createHash } from '../text/crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Blob } from './backend';

/** Loose objects larger than this (inflated) are read through git. */
const MAX_BYTES = 8 << 20;

/**
 * perf: a blob read straight from git's object store when it is a loose object (what `git add`
 * writes, so a staged blob usually is): `objects/ab/cdef…`, zlib-deflated `blob <size>\0<bytes>`,
 * taken only when the whole object hashes to its id (SHA-1 or SHA-256 by the id's length).
 * Anything else (packed, a promisor or alternate store, not a blob, damaged) is null: the caller
 * asks git. Saves starting `git cat-file` on a blocked commit whose finding needs a line above it.
 */
export function readLooseBlob(objectsDir: string, oid: string): Blob | null {
  const algo = oid.length === 40 ? 'sha1' : oid.length === 64 ? 'sha256' : null;
  if (!algo || !/^[0-9a-f]+$/.test(oid)) return null;
  try {
    const raw = readFileSync(path.join(objectsDir, oid.slice(0, 2), oid.slice(2)));
    // perf: node:zlib is loaded when a loose object is read, not on every run.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { inflateSync } = require('node:zlib') as typeof import('node:zlib');
    const whole = inflateSync(raw, { maxOutputLength: MAX_BYTES + 32 });
    const nul = whole.indexOf(0, 0);
    const m = nul > 0 && nul < 32 ? /^blob (0|[1-9]\d*)$/.exec(whole.toString('latin1', 0, nul)) : null;
    if (!m || Number(m[1]) !== whole.length - nul - 1) return null;
    if (createHash(algo).update(whole).digest('hex') !== oid) return null;
    return { oid, data: whole.subarray(nul + 1) };
  } catch {
    return null;
  }
}
