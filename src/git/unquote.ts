/**
 * Decodes a path as git prints it in diff headers: either raw bytes, or a C-style quoted
 * string ("a\tb\303\251") when it contains control characters, quotes or backslashes.
 * Returns the path's bytes decoded as UTF-8.
 */
const SIMPLE: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

export function unquoteGitPath(raw: Buffer): string {
  if (raw.length < 2 || raw[0] !== 0x22 || raw[raw.length - 1] !== 0x22) return raw.toString('utf8');
  const out: number[] = [];
  for (let i = 1; i < raw.length - 1; i++) {
    const c = raw[i];
    if (c !== 0x5c) {
      out.push(c);
      continue;
    }
    const n = String.fromCharCode(raw[++i]);
    if (n in SIMPLE) out.push(SIMPLE[n]);
    else if (n >= '0' && n <= '7') {
      const oct = raw.subarray(i, i + 3).toString('latin1');
      out.push(parseInt(oct, 8) & 0xff);
      i += 2;
    } else out.push(raw[i]);
  }
  return Buffer.from(out).toString('utf8');
}
