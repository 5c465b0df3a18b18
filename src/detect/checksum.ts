/**
 * Offline checksums some token formats carry, so a random string of the right shape is
 * told apart from an issued token without a network call.
 */

/** CRC32 of a string's code units taken as bytes (latin1): Node's own zlib.crc32 (Node ≥ 20.15). */
export function crc32(s: string): number {
  // perf: node:zlib is loaded when a token with a checksum is seen, not on every run.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('node:zlib') as typeof import('node:zlib')).crc32(Buffer.from(s, 'latin1'));
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Base62, left-padded with '0' to `width` characters. */
export function base62(n: number, width: number): string {
  let o = '';
  let v = n;
  do {
    o = BASE62[v % 62] + o;
    v = Math.floor(v / 62);
  } while (v > 0);
  return o.padStart(width, '0');
}

/**
 * GitHub (`ghp_…`, `gho_…`, `ghu_…`, `ghs_…`, `ghr_…`) and npm (`npm_…`) tokens: 30 random
 * base62 characters after the prefix, then the CRC32 of those 30 characters in 6 base62 digits.
 */
export function hasBase62Crc32Tail(token: string): boolean {
  const body = token.slice(token.indexOf('_') + 1);
  if (body.length !== 36) return false;
  return base62(crc32(body.slice(0, 30)), 6) === body.slice(30);
}
