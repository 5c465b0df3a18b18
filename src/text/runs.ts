/**
 * The text inside a binary blob, as `strings` finds it: runs of at least MIN_RUN printable
 * characters, in 8 bits (ASCII and UTF-8) and in 16 bits (ASCII characters as UTF-16 LE or BE,
 * like `strings -e l` / `-e b`). The blob is split into lines at LF bytes, as git counts lines;
 * in each line every byte outside a run becomes a space, so a finding's line is the blob's line
 * and a run starts at the column of its byte offset in that line (plus one); characters follow
 * one column each (a 16-bit run is padded after its text to its byte length, so what follows
 * keeps its byte column). A line without a run is empty.
 */
export const MIN_RUN = 4;

function printable(c: number): boolean {
  return (c >= 0x20 && c <= 0x7e) || c === 0x09;
}

/** Length in bytes of the UTF-8 character at `i` (0 when it is not a valid multi-byte one). */
function utf8Char(d: Buffer, i: number, end: number): number {
  const c = d[i];
  const n = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
  if (n === 0 || i + n > end) return 0;
  for (let k = 1; k < n; k++) if ((d[k + i] & 0xc0) !== 0x80) return 0;
  return n;
}

/** Characters of a 16-bit run at `i`: pairs (printable, 0) for LE, (0, printable) for BE. */
function wideRun(d: Buffer, i: number, end: number, le: boolean): number {
  let k = 0;
  while (i + 2 * k + 1 < end) {
    const a = d[i + 2 * k];
    const b = d[i + 2 * k + 1];
    if (le ? printable(a) && b === 0 : a === 0 && printable(b)) k++;
    else break;
  }
  return k;
}

/** The runs view of one line (bytes `start`..`end`, without its LF). */
function lineRuns(d: Buffer, start: number, end: number): string {
  const parts: string[] = [];
  let blank = 0;
  const emit = (s: string, pad: number): void => {
    if (blank > 0) parts.push(' '.repeat(blank));
    parts.push(s);
    blank = pad;
  };
  let i = start;
  while (i < end) {
    const c = d[i];
    if (printable(c) && i + 1 < end && d[i + 1] === 0) {
      const k = wideRun(d, i, end, true);
      if (k >= MIN_RUN) {
        let s = '';
        for (let j = 0; j < k; j++) s += String.fromCharCode(d[i + 2 * j]);
        emit(s, k);
        i += 2 * k;
        continue;
      }
    } else if (c === 0 && i + 1 < end && printable(d[i + 1])) {
      // UTF-16 LE text after a NUL also reads as BE one byte early: LE wins when it keeps every
      // character (its columns are right).
      const k = wideRun(d, i, end, false);
      if (wideRun(d, i + 1, end, true) >= Math.max(k, MIN_RUN)) {
        blank++;
        i++;
        continue;
      }
      if (k >= MIN_RUN) {
        let s = '';
        for (let j = 0; j < k; j++) s += String.fromCharCode(d[i + 2 * j + 1]);
        emit(s, k);
        i += 2 * k;
        continue;
      }
    }
    // An 8-bit run: printable ASCII and whole UTF-8 characters; it stops where a 16-bit run starts.
    let j = i;
    let chars = 0;
    while (j < end) {
      const b = d[j];
      if (printable(b)) {
        if (j > i && j + 1 < end && d[j + 1] === 0 && wideRun(d, j, end, true) >= MIN_RUN) break;
        j++;
        chars++;
        continue;
      }
      const n = b >= 0x80 ? utf8Char(d, j, end) : 0;
      if (n === 0) break;
      j += n;
      chars++;
    }
    if (j === i) {
      blank++;
      i++;
    } else if (chars >= MIN_RUN) {
      const s = d.toString('utf8', i, j);
      // Padded to its byte length, so what follows keeps its byte column.
      emit(s, j - i - s.length);
      i = j;
    } else {
      blank += j - i;
      i = j;
    }
  }
  return parts.join('');
}

/** The runs view of a whole blob: one entry per line (LF-separated; no entry after a final LF). */
export function textRunLines(d: Buffer): string[] {
  const lines: string[] = [];
  let start = 0;
  while (start < d.length) {
    const nl = d.indexOf(0x0a, start);
    const end = nl < 0 ? d.length : nl;
    lines.push(lineRuns(d, start, end));
    start = end + 1;
  }
  return lines;
}
