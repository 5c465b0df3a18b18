/**
 * The text-runs reader as it was before issue 11 (a byte-by-byte loop over the whole blob), kept
 * unchanged as the reference the fast reader in src/text/runs.ts must match byte for byte.
 */
import { isAscii } from 'node:buffer';

const MIN_RUN = 4;

const PRINTABLE = new Uint8Array(256);
for (let c = 0x20; c <= 0x7e; c++) PRINTABLE[c] = 1;
PRINTABLE[0x09] = 1;

/** Length in bytes of the UTF-8 character at `i` (0 when it is not a valid multi-byte one). */
function utf8Char(d: Buffer, i: number): number {
  const c = d[i];
  const n = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
  if (n === 0 || i + n > d.length) return 0;
  for (let k = 1; k < n; k++) if ((d[k + i] & 0xc0) !== 0x80) return 0;
  return n;
}

/** Characters of a 16-bit run at `i`: pairs (printable, 0) for LE, (0, printable) for BE. */
function wideRun(d: Buffer, i: number, le: boolean): number {
  let k = 0;
  for (let p = i; p + 1 < d.length; p += 2) {
    if (le ? PRINTABLE[d[p]] === 1 && d[p + 1] === 0 : d[p] === 0 && PRINTABLE[d[p + 1]] === 1) k++;
    else break;
  }
  return k;
}

/**
 * The runs of the blob, in order, each line's runs joined by one space (LF kept): what is
 * searched. Bytes between runs are dropped, so no pattern scans long stretches of padding.
 */
export function textRunBytesReference(d: Buffer, minRun = MIN_RUN): Buffer {
  const out = Buffer.allocUnsafe(d.length);
  let o = 0;
  let lineStart = 0;
  let gap = false;
  const open = (): void => {
    if (gap && o > lineStart) out[o++] = 0x20;
    gap = false;
  };
  let i = 0;
  while (i < d.length) {
    const c = d[i];
    if (c === 0x0a) {
      out[o++] = 0x0a;
      lineStart = o;
      gap = false;
      i++;
      continue;
    }
    const next = i + 1 < d.length ? d[i + 1] : 0x0a;
    if (PRINTABLE[c] === 1 && next === 0) {
      const k = wideRun(d, i, true);
      if (k >= minRun) {
        open();
        for (let j = 0; j < k; j++) out[o++] = d[i + 2 * j];
        gap = true;
        i += 2 * k;
        continue;
      }
    } else if (c === 0 && PRINTABLE[next] === 1) {
      const k = wideRun(d, i, false);
      // UTF-16 LE text after a NUL also reads as BE one byte early: LE wins when it keeps every character.
      if (wideRun(d, i + 1, true) >= Math.max(k, minRun)) {
        gap = true;
        i++;
        continue;
      }
      if (k >= minRun) {
        open();
        for (let j = 0; j < k; j++) out[o++] = d[i + 2 * j + 1];
        gap = true;
        i += 2 * k;
        continue;
      }
    }
    // An 8-bit run: printable ASCII and whole UTF-8 characters; it stops where a 16-bit run starts.
    let j = i;
    let chars = 0;
    while (j < d.length) {
      const b = d[j];
      if (PRINTABLE[b] === 1) {
        if (j > i && j + 1 < d.length && d[j + 1] === 0 && wideRun(d, j, true) >= minRun) break;
        j++;
        chars++;
        continue;
      }
      const n = b >= 0x80 ? utf8Char(d, j) : 0;
      if (n === 0) break;
      j += n;
      chars++;
    }
    if (j === i) {
      gap = true;
      i++;
    } else if (chars >= minRun) {
      open();
      o += d.copy(out, o, i, j);
      // A run that ends where a 16-bit run starts is joined to it without a space.
      gap = j < d.length && d[j] !== 0x0a && !(PRINTABLE[d[j]] === 1 && j + 1 < d.length && d[j + 1] === 0);
      i = j;
    } else {
      gap = true;
      i = j;
    }
  }
  return out.subarray(0, o);
}

/** The runs view of a whole blob: one entry per line (LF-separated; no entry after a final LF). */
export function textRunLinesReference(d: Buffer, minRun = MIN_RUN): string[] {
  const out = textRunBytesReference(d, minRun);
  const lines: string[] = [];
  let start = 0;
  while (start < out.length) {
    const nl = out.indexOf(0x0a, start);
    const end = nl < 0 ? out.length : nl;
    lines.push(out.toString(isAscii(out.subarray(start, end)) ? 'latin1' : 'utf8', start, end));
    start = end + 1;
  }
  return lines;
}
