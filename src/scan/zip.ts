/**
 * The entries of a zip archive (zip, jar, docx, xlsx, apk …), read with node:zlib within fixed
 * bounds, so the scanner can read inside. Only stored and deflated entries are read; an
 * encrypted entry, another method, a ZIP64 entry or one past the bounds is returned as
 * unreadable, never guessed at.
 */

export interface ZipEntry {
  name: string;
  data: Buffer;
}

export interface ZipUnreadable {
  name: string;
  reason: 'encrypted' | 'compressed' | 'too-large';
}

export interface ZipContents {
  entries: ZipEntry[];
  unreadable: ZipUnreadable[];
}

/** Bounds: a zip bomb stops at them (inflate never writes more than an entry's bound). */
export const ZIP_LIMITS = { entryBytes: 16 << 20, totalBytes: 64 << 20, entries: 10000 };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The end-of-central-directory record's offset, searched backwards over the comment's room. */
function findEnd(d: Buffer): number {
  for (let i = d.length - 22; i >= Math.max(0, d.length - 22 - 0xffff); i--) if (d.readUInt32LE(i) === EOCD) return i;
  return -1;
}

/** Reads the archive's entries, or null when `d` is no zip this reader understands. */
export function readZip(d: Buffer, limits = ZIP_LIMITS): ZipContents | null {
  if (d.length < 22) return null;
  const end = findEnd(d);
  if (end < 0) return null;
  const count = d.readUInt16LE(end + 10);
  let p = d.readUInt32LE(end + 16);
  if (count === 0xffff || p === 0xffffffff || p >= d.length) return null;
  const out: ZipContents = { entries: [], unreadable: [] };
  let total = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > d.length || d.readUInt32LE(p) !== CENTRAL) return null;
    const flags = d.readUInt16LE(p + 8);
    const method = d.readUInt16LE(p + 10);
    const compSize = d.readUInt32LE(p + 20);
    const size = d.readUInt32LE(p + 24);
    const nameLen = d.readUInt16LE(p + 28);
    const next = p + 46 + nameLen + d.readUInt16LE(p + 30) + d.readUInt16LE(p + 32);
    const local = d.readUInt32LE(p + 42);
    const name = d.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLen);
    p = next;
    if (name.endsWith('/')) continue;
    if (flags & 1) {
      out.unreadable.push({ name, reason: 'encrypted' });
      continue;
    }
    if (method !== 0 && method !== 8) {
      out.unreadable.push({ name, reason: 'compressed' });
      continue;
    }
    if (n >= limits.entries || compSize === 0xffffffff || size > limits.entryBytes || total + size > limits.totalBytes) {
      out.unreadable.push({ name, reason: 'too-large' });
      continue;
    }
    if (local + 30 > d.length || d.readUInt32LE(local) !== LOCAL) return null;
    const start = local + 30 + d.readUInt16LE(local + 26) + d.readUInt16LE(local + 28);
    if (start + compSize > d.length) return null;
    const raw = d.subarray(start, start + compSize);
    let data: Buffer;
    try {
      data = method === 0 ? raw : zlib().inflateRawSync(raw, { maxOutputLength: Math.max(1, Math.min(size, limits.entryBytes)) });
    } catch {
      // Corrupt, or larger than its directory says: not read.
      out.unreadable.push({ name, reason: 'compressed' });
      continue;
    }
    total += data.length;
    out.entries.push({ name, data });
  }
  return out;
}

/** perf: node:zlib is loaded when an archive is read, not on every run (~2 ms of start-up). */
function zlib(): typeof import('node:zlib') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('node:zlib') as typeof import('node:zlib');
}
