/**
 * Turns the bytes of one line into text. ASCII and valid UTF-8 decode as such; anything
 * else is taken as GB18030 (a superset of GBK, common in Chinese projects) through Node's
 * own TextDecoder (ICU; official builds have it). A trailing CR is dropped.
 */
import { isAscii, isUtf8 } from 'node:buffer';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

let gb: ((b: Buffer) => string) | null = null;
function gb18030(b: Buffer): string {
  return (gb ??= gb18030Decoder())(b);
}

/**
 * Node's TextDecoder when its ICU knows GB18030 (full ICU: official builds, Debian's); it
 * matches iconv-lite on every valid GBK/GB18030 sequence but the 18 that GB18030-2022 moved
 * out of the private-use area. Without ICU: iconv-lite when the project has it installed,
 * else UTF-8 with replacement characters (ASCII, and so every key shape, still reads).
 */
export function gb18030Decoder(hasIcu: boolean = icuKnowsGb18030()): (b: Buffer) => string {
  if (hasIcu) {
    const td = new TextDecoder('gb18030');
    return (buf) => td.decode(buf);
  }
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const iconv = require('iconv-lite') as { decode(b: Buffer, enc: string): string };
    return (buf) => iconv.decode(buf, 'gb18030');
  } catch {
    return (buf) => buf.toString('utf8');
  }
}

function icuKnowsGb18030(): boolean {
  try {
    new TextDecoder('gb18030');
    return true;
  } catch {
    return false;
  }
}

export type LineEncoding = 'ascii' | 'utf-8' | 'gb18030';

export interface DecodedLine {
  text: string;
  encoding: LineEncoding;
}

export function decodeLine(raw: Buffer): DecodedLine {
  let b = raw;
  if (b.length > 0 && b[b.length - 1] === 0x0d) b = b.subarray(0, b.length - 1);
  // isAscii/isUtf8 are native (SIMD) checks: the hot path never loops over bytes in JS.
  if (isAscii(b)) return { text: b.toString('latin1'), encoding: 'ascii' };
  // (a UTF-8 BOM is not text: dropped, as TextDecoder does)
  if (isUtf8(b)) return { text: b.toString('utf8', b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0), encoding: 'utf-8' };
  try {
    return { text: utf8.decode(b), encoding: 'utf-8' };
  } catch {
    return { text: gb18030(b), encoding: 'gb18030' };
  }
}

/** The text of one line (the hot path: no result object). */
export function decodeLineText(raw: Buffer): string {
  const n = raw.length > 0 && raw[raw.length - 1] === 0x0d ? raw.length - 1 : raw.length;
  if (isAscii(raw)) return raw.toString('latin1', 0, n);
  return decodeLine(raw).text;
}

/** Decodes a whole blob (for context), honouring a UTF-8/UTF-16 BOM; returns its lines. */
export function decodeBlobLines(data: Buffer): string[] {
  if (data.length >= 2 && data[0] === 0xff && data[1] === 0xfe) return splitLines(data.subarray(2).toString('utf16le'));
  if (data.length >= 2 && data[0] === 0xfe && data[1] === 0xff) {
    const swapped = Buffer.from(data.subarray(2, 2 + ((data.length - 2) & ~1)));
    swapped.swap16();
    return splitLines(swapped.toString('utf16le'));
  }
  const lines: string[] = [];
  let start = 0;
  for (;;) {
    const nl = data.indexOf(0x0a, start);
    const end = nl < 0 ? data.length : nl;
    if (nl < 0 && start >= data.length) break;
    lines.push(decodeLine(data.subarray(start, end)).text);
    if (nl < 0) break;
    start = nl + 1;
  }
  if (lines.length > 0 && lines[0].charCodeAt(0) === 0xfeff) lines[0] = lines[0].slice(1);
  return lines;
}

function splitLines(s: string): string[] {
  const lines = s.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

/** True when the blob starts with a UTF-16 byte-order mark. */
export function isUtf16(data: Buffer): boolean {
  return data.length >= 2 && ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff));
}
