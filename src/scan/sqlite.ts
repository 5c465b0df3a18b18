/**
 * The values of a SQLite database file, one per line. A record stores its columns back to back
 * with nothing between them, so a table row `(name, access_key_id, access_key_secret)` reads, as
 * the file's text runs, as one run `prodLTAI…<secret>` where no key stands alone. Here every
 * b-tree cell of every table and index page is decoded (overflow chains followed), and each text
 * value (in the database's encoding) and blob becomes a line of its own, within the zip bounds.
 * Pages are read as they lie in the file, not by walking the tree from the schema: a page the
 * tree no longer links but that still holds cells is read too. Null when the header is not a
 * SQLite one or its page size is impossible (the file stays named as not scanned).
 */
import { ZIP_LIMITS, type ZipContents } from './zip';

const MAGIC = 'SQLite format 3\0';

/** `app.db` → `app.db.values`: the one entry, named after the file. */
function entryName(path: string): string {
  return `${path.slice(path.lastIndexOf('/') + 1)}.values`;
}

export function readSqlite(d: Buffer, archivePath: string, limits = ZIP_LIMITS): ZipContents | null {
  if (d.length < 512 || d.toString('latin1', 0, 16) !== MAGIC) return null;
  const raw = d.readUInt16BE(16);
  const pageSize = raw === 1 ? 65536 : raw;
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) return null;
  const usable = pageSize - d[20];
  if (usable < 480) return null;
  const encoding = d.readUInt32BE(56);
  const text = encoding === 2 ? 'utf16le' : encoding === 3 ? 'utf16be' : 'utf8';
  const name = entryName(archivePath);
  const out: Buffer[] = [];
  let bytes = 0;
  const LF = Buffer.from('\n');
  // Text in a UTF-16 database becomes UTF-8 (the entry's lines are one text); blobs stay as stored.
  const push = ({ v, isText }: Value): boolean => {
    const line = !isText || text === 'utf8' ? v : Buffer.from((text === 'utf16be' ? swap16(v) : v).toString('utf16le'), 'utf8');
    bytes += line.length + 1;
    if (bytes > limits.entryBytes) return false;
    out.push(line, LF);
    return true;
  };
  const pages = Math.floor(d.length / pageSize);
  for (let p = 1; p <= pages; p++) {
    const at = (p - 1) * pageSize;
    const h = p === 1 ? at + 100 : at;
    const type = d[h];
    if (type !== 0x0d && type !== 0x0a && type !== 0x02) continue;
    const header = type === 0x02 ? 12 : 8;
    const cells = d.readUInt16BE(h + 3);
    if (h + header + 2 * cells > at + pageSize) continue;
    for (let c = 0; c < cells; c++) {
      const off = at + d.readUInt16BE(h + header + 2 * c);
      if (off < h + header || off >= at + usable) continue;
      const payload = cellPayload(d, off, type, usable, pageSize, pages);
      if (!payload) continue;
      for (const v of recordValues(payload)) if (!push(v)) return { entries: [], unreadable: [{ name, reason: 'too-large' }] };
    }
  }
  return { entries: out.length === 0 ? [] : [{ name, data: Buffer.concat(out) }], unreadable: [] };
}

/** UTF-16BE to UTF-16LE (node decodes the latter). */
function swap16(v: Buffer): Buffer {
  const s = Buffer.from(v.subarray(0, v.length & ~1));
  s.swap16();
  return s;
}

/** A varint at `at`: its value (up to 2^53) and length. */
function varint(d: Buffer, at: number, end: number): [number, number] | null {
  let v = 0;
  for (let i = 0; i < 9; i++) {
    if (at + i >= end) return null;
    const b = d[at + i];
    if (i === 8) return [v * 256 + b, 9];
    v = v * 128 + (b & 0x7f);
    if ((b & 0x80) === 0) return [v, i + 1];
  }
  return null;
}

/** A cell's whole payload, its overflow pages followed (null when the cell does not parse). */
function cellPayload(d: Buffer, off: number, type: number, usable: number, pageSize: number, pages: number): Buffer | null {
  const pageEnd = off - (off % pageSize) + pageSize;
  let at = type === 0x02 ? off + 4 : off;
  const size = varint(d, at, pageEnd);
  if (!size) return null;
  at += size[1];
  if (type === 0x0d) {
    const rowid = varint(d, at, pageEnd);
    if (!rowid) return null;
    at += rowid[1];
  }
  const total = size[0];
  if (total > d.length) return null;
  // How much of the payload the page holds (the file format's rule for table and index cells).
  const x = type === 0x0d ? usable - 35 : Math.floor(((usable - 12) * 64) / 255) - 23;
  let local = total;
  if (total > x) {
    const m = Math.floor(((usable - 12) * 32) / 255) - 23;
    const k = m + ((total - m) % (usable - 4));
    local = k <= x ? k : m;
  }
  if (at + local > pageEnd) return null;
  if (local === total) return d.subarray(at, at + local);
  const parts = [d.subarray(at, at + local)];
  let got = local;
  let next = at + local + 4 <= pageEnd ? d.readUInt32BE(at + local) : 0;
  // A chain is at most as long as the file has pages (a loop in a damaged file ends there).
  for (let hops = 0; got < total && next >= 1 && next <= pages && hops < pages; hops++) {
    const o = (next - 1) * pageSize;
    const n = Math.min(usable - 4, total - got);
    parts.push(d.subarray(o + 4, o + 4 + n));
    got += n;
    next = d.readUInt32BE(o);
  }
  return Buffer.concat(parts);
}

interface Value {
  v: Buffer;
  isText: boolean;
}

/** The text and blob values of a record (its header's serial types, then the values). */
function recordValues(r: Buffer): Value[] {
  const hs = varint(r, 0, r.length);
  if (!hs || hs[0] > r.length) return [];
  const types: number[] = [];
  for (let at = hs[1]; at < hs[0];) {
    const t = varint(r, at, hs[0]);
    if (!t) return [];
    types.push(t[0]);
    at += t[1];
  }
  const values: Value[] = [];
  let at = hs[0];
  for (const t of types) {
    const len = t >= 12 ? Math.floor((t - 12) / 2) : (FIXED[t] ?? 0);
    if (at + len > r.length) break;
    if (t >= 12 && len > 0) values.push({ v: r.subarray(at, at + len), isText: t % 2 === 1 });
    at += len;
  }
  return values;
}

/** Bytes of the fixed-size serial types (NULL, integers, a float, the constants 0 and 1). */
const FIXED: Record<number, number> = { 0: 0, 1: 1, 2: 2, 3: 3, 4: 4, 5: 6, 6: 8, 7: 8, 8: 0, 9: 0 };
