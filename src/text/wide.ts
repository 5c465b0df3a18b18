/**
 * Text in 16- and 32-bit encodings: UTF-16 LE/BE and UTF-32 LE/BE, with or without a
 * byte-order mark. git calls such files binary (their ASCII characters come with NUL bytes);
 * ak-hook decodes them whole and scans their lines. Without a BOM an encoding is taken only
 * when the whole blob decodes to text (no NUL, no stray control character, no lone surrogate).
 */
export type WideEncoding = 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be';

export interface WideText {
  encoding: WideEncoding;
  bom: boolean;
  text: string;
}

/** Characters no text file holds: C0 controls but TAB, LF, VT, FF, CR and ESC; U+FFFD, U+FFFE, U+FFFF; lone surrogates. */
const NOT_TEXT =
  /[\u0000-\u0008\u000e-\u001a\u001c-\u001f\ufffd\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function bomOf(d: Buffer): WideEncoding | null {
  if (d.length >= 4 && d[0] === 0xff && d[1] === 0xfe && d[2] === 0 && d[3] === 0) return 'utf-32le';
  if (d.length >= 4 && d[0] === 0 && d[1] === 0 && d[2] === 0xfe && d[3] === 0xff) return 'utf-32be';
  if (d.length >= 2 && d[0] === 0xff && d[1] === 0xfe) return 'utf-16le';
  if (d.length >= 2 && d[0] === 0xfe && d[1] === 0xff) return 'utf-16be';
  return null;
}

/** Decodes `d` (without its BOM) in `enc`; null when the bytes are not valid in it. */
export function decodeWide(d: Buffer, enc: WideEncoding): string | null {
  if (enc === 'utf-16le' || enc === 'utf-16be') {
    if (d.length % 2 !== 0) return null;
    if (enc === 'utf-16le') return d.toString('utf16le');
    const swapped = Buffer.from(d);
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  if (d.length % 4 !== 0) return null;
  const le = enc === 'utf-32le';
  const parts: string[] = [];
  const chunk: number[] = [];
  for (let i = 0; i < d.length; i += 4) {
    const cp = le ? d.readUInt32LE(i) : d.readUInt32BE(i);
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return null;
    chunk.push(cp);
    if (chunk.length === 8192) {
      parts.push(String.fromCodePoint(...chunk));
      chunk.length = 0;
    }
  }
  if (chunk.length > 0) parts.push(String.fromCodePoint(...chunk));
  return parts.join('');
}

/** Bytes decoded before the whole blob is (a multiple of 4). */
const PROBE = 65536;

/** Where the NUL bytes sit (mod 4) in the first 64 KiB: what tells a wide encoding without a BOM. */
function zeroPositions(d: Buffer): number[] {
  const z = [0, 0, 0, 0];
  const n = Math.min(d.length, 65536);
  for (let i = 0; i < n; i++) if (d[i] === 0) z[i & 3]++;
  return z;
}

/**
 * The encodings a blob without a BOM may be in, from its size and the NUL bytes of its first
 * 64 KiB (`head` holds at least those).
 */
function candidatesOf(head: Buffer, size: number, anyParity = false): WideEncoding[] {
  const [z0, z1, z2, z3] = zeroPositions(head);
  const units16 = Math.min(size, PROBE) / 2;
  const units32 = Math.min(size, PROBE) / 4;
  const candidates: WideEncoding[] = [];
  // UTF-16 first: UTF-32 text read as UTF-16 always shows U+0000 or U+0001 (refused), while
  // UTF-16 text read as UTF-32 can pass as rare planes. Without a BOM, a quarter of the
  // characters at least must be Latin (a NUL high byte): one stray NUL never makes a file UTF-16.
  const even = anyParity || size % 2 === 0;
  const by4 = anyParity || size % 4 === 0;
  if (even && z1 + z3 >= units16 / 4 && z1 + z3 > z0 + z2) candidates.push('utf-16le');
  if (even && z0 + z2 >= units16 / 4 && z0 + z2 > z1 + z3) candidates.push('utf-16be');
  // UTF-32: the top byte of every unit is 0 (code points stop at U+10FFFF).
  if (by4 && z3 === units32) candidates.push('utf-32le');
  if (by4 && z0 === units32) candidates.push('utf-32be');
  return candidates;
}

/**
 * False when decodeWideText surely finds no wide encoding in a blob that starts with `head`
 * and is `size` bytes long (undefined: longer than head, size not known yet). Exact when head
 * is the whole blob; else it asks what decodeWideText asks of the first 64 KiB first.
 */
export function mayBeWide(head: Buffer, size?: number): boolean {
  if (size !== undefined && head.length >= size) return decodeWideText(head.subarray(0, size)) !== null;
  if (head.length < PROBE || bomOf(head)) return true;
  // Larger than the probe: each candidate must pass it first, as in decodeWideText.
  return candidatesOf(head, size ?? Infinity, size === undefined).some((enc) => passesProbe(head, enc));
}

/** True when the first 64 KiB of `d` (longer than that) decode as text in `enc`. */
function passesProbe(d: Buffer, enc: WideEncoding): boolean {
  const probe = decodeWide(d.subarray(0, PROBE), enc);
  return probe !== null && !NOT_TEXT.test(probe.replace(/[\ud800-\udbff]$/, ''));
}

/**
 * The text of a blob in a wide encoding, or null when it is not one. A BOM decides; without
 * one, the positions of NUL bytes propose an encoding and the whole blob must decode to text.
 */
export function decodeWideText(d: Buffer): WideText | null {
  const bom = bomOf(d);
  if (bom) {
    const skip = bom.startsWith('utf-32') ? 4 : 2;
    const text = decodeWide(d.subarray(skip), bom);
    return text === null ? null : { encoding: bom, bom: true, text };
  }
  if (d.length < 4) return null;
  const candidates = candidatesOf(d, d.length);
  for (const enc of candidates) {
    // A cheap look at the start first (most binaries fail there), then the whole blob.
    if (d.length > PROBE && !passesProbe(d, enc)) continue;
    const text = decodeWide(d, enc);
    if (text === null || text.length === 0 || NOT_TEXT.test(text)) continue;
    // UTF-32 text is mostly in the first plane; other bytes pass as rare planes only by chance.
    if (enc.startsWith('utf-32') && astral(text) * 2 > text.length - astral(text)) continue;
    return { encoding: enc, bom: false, text };
  }
  return null;
}

function astral(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if ((s.charCodeAt(i) & 0xfc00) === 0xd800) n++;
  return n;
}

/** A decoded text's lines (split at LF; a trailing CR dropped; no last empty line). */
export function textLines(s: string): string[] {
  const lines = s.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}
