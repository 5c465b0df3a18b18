/**
 * The contents of a gzip file (`.gz`, `.tgz`, `.tar.gz`) or a zlib stream, read with node:zlib within the same
 * bounds as a zip's, so that a key in a compressed backup or a packed release is read instead
 * of only named as not scanned. A tar inside is split into its files (ustar, GNU and pax long
 * names); anything else is one entry, named after the archive without `.gz`. Corrupt or
 * truncated data gives null (the file stays "not scanned"), never a guess.
 */
import { ZIP_LIMITS, type ZipContents, type ZipEntry } from './zip';

/** `backup.sql.gz` → `backup.sql`; `app.tgz` → `app.tar`; a name without the suffix keeps its base name. */
export function innerName(archivePath: string): string {
  const base = archivePath.slice(archivePath.lastIndexOf('/') + 1);
  if (/\.tgz$/i.test(base)) return base.slice(0, -4) + '.tar';
  if (/\.gz$/i.test(base) && base.length > 3) return base.slice(0, -3);
  return base;
}

export function readGzip(d: Buffer, archivePath: string, limits = ZIP_LIMITS): ZipContents | null {
  if (d.length < 18 || d[0] !== 0x1f || d[1] !== 0x8b) return null;
  return inflated((o) => zlib().gunzipSync(d, o), innerName(archivePath), limits);
}

/**
 * What `inflate` gives, within the bounds: a tar inside split into its files, else one entry
 * `name`; past the bounds, `name` named as too large; corrupt, null (never a guess).
 */
function inflated(inflate: (o: { maxOutputLength: number }) => Buffer, name: string, limits: typeof ZIP_LIMITS): ZipContents | null {
  let data: Buffer;
  try {
    data = inflate({ maxOutputLength: limits.totalBytes });
  } catch (e) {
    // Larger than the bound: named as too large to read; corrupt: not read at all.
    if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return { entries: [], unreadable: [{ name, reason: 'too-large' }] };
    return null;
  }
  return readTar(data, limits) ?? single(name, data, limits);
}

/** `objects/ab/cdef…` keeps its name; `dump.zlib`, `data.zz`, `x.deflate` lose the suffix. */
export function zlibInnerName(archivePath: string): string {
  const base = archivePath.slice(archivePath.lastIndexOf('/') + 1);
  const m = /^(.+)\.(?:zlib|zz|z|deflate)$/i.exec(base);
  return m ? m[1] : base;
}

/**
 * The contents of a zlib stream (RFC 1950: a git loose object, what zlib.compress or pigz -z
 * writes), within the same bounds; a tar inside is split into its files. Null when the header's
 * check does not hold or the data is corrupt or cut (the file stays "not scanned").
 */
export function readZlib(d: Buffer, archivePath: string, limits = ZIP_LIMITS): ZipContents | null {
  if (d.length < 6 || (d[0] & 0x0f) !== 8 || (d[0] * 256 + d[1]) % 31 !== 0) return null;
  return inflated((o) => zlib().inflateSync(d, o), zlibInnerName(archivePath), limits);
}

function single(name: string, data: Buffer, limits: typeof ZIP_LIMITS): ZipContents {
  return data.length > limits.entryBytes
    ? { entries: [], unreadable: [{ name, reason: 'too-large' }] }
    : { entries: [{ name, data }], unreadable: [] };
}

const BLOCK = 512;

/** A NUL-ended field of a header. */
function field(h: Buffer, at: number, len: number): string {
  const end = h.indexOf(0, at);
  return h.toString('utf8', at, end < 0 || end > at + len ? at + len : end);
}

/** A numeric field: octal text, or GNU base-256 (top bit set). NaN when neither. */
function number(h: Buffer, at: number, len: number): number {
  if (h[at] & 0x80) {
    let v = 0;
    for (let i = at + 1; i < at + len; i++) v = v * 256 + h[i];
    return v;
  }
  const s = field(h, at, len).trim();
  return /^[0-7]+$/.test(s) ? parseInt(s, 8) : NaN;
}

/** The header's checksum holds: the sum of its bytes with the checksum field read as spaces. */
function checksumHolds(h: Buffer): boolean {
  const want = number(h, 148, 8);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : h[i];
  return sum === want;
}

/** The `path` of a pax extended header (`<len> path=<value>\n` records). */
function paxPath(d: Buffer): string | null {
  let p = 0;
  while (p < d.length) {
    const sp = d.indexOf(0x20, p);
    const len = sp < 0 ? NaN : Number(d.toString('latin1', p, sp));
    if (!Number.isInteger(len) || len <= 0 || p + len > d.length) return null;
    const rec = d.toString('utf8', sp + 1, p + len - 1);
    if (rec.startsWith('path=')) return rec.slice(5);
    p += len;
  }
  return null;
}

/** A tar's regular files, or null when `d` is no tar (its first header's checksum does not hold). */
export function readTar(d: Buffer, limits = ZIP_LIMITS): ZipContents | null {
  if (d.length < BLOCK || !checksumHolds(d.subarray(0, BLOCK))) return null;
  const out: ZipContents = { entries: [], unreadable: [] };
  let p = 0;
  let longName: string | null = null;
  let total = 0;
  let files = 0;
  while (p + BLOCK <= d.length) {
    const h = d.subarray(p, p + BLOCK);
    if (h.every((x) => x === 0)) break;
    // A damaged header past the first: what was read so far stands, the rest is named unread.
    if (!checksumHolds(h)) {
      out.unreadable.push({ name: longName ?? (field(h, 0, 100) || '(tar)'), reason: 'compressed' });
      break;
    }
    const size = number(h, 124, 12);
    if (!Number.isFinite(size) || size < 0) return out;
    const type = String.fromCharCode(h[156] || 0x30);
    const start = p + BLOCK;
    const body = d.subarray(start, Math.min(d.length, start + size));
    p = start + Math.ceil(size / BLOCK) * BLOCK;
    if (type === 'L') {
      longName = field(body, 0, body.length);
      continue;
    }
    if (type === 'x') {
      longName = paxPath(body) ?? longName;
      continue;
    }
    const prefix = h.toString('latin1', 257, 262) === 'ustar' ? field(h, 345, 155) : '';
    const name = longName ?? (prefix ? `${prefix}/${field(h, 0, 100)}` : field(h, 0, 100));
    longName = null;
    if (type !== '0' && type !== '7') continue; // directories, links, devices, global headers
    if (++files > limits.entries || size > limits.entryBytes || total + size > limits.totalBytes || body.length < size) {
      out.unreadable.push({ name, reason: 'too-large' });
      continue;
    }
    total += size;
    out.entries.push({ name, data: body } satisfies ZipEntry);
  }
  return out;
}

/** perf: node:zlib is loaded when an archive is read, not on every run. */
function zlib(): typeof import('node:zlib') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('node:zlib') as typeof import('node:zlib');
}
