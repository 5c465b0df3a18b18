/**
 * The text inside a binary blob, as `strings` finds it: runs of at least MIN_RUN printable
 * characters, in 8 bits (ASCII and UTF-8) and in 16 bits (ASCII characters as UTF-16 LE or BE,
 * like `strings -e l` / `-e b`). The blob is split into lines at LF bytes, as git counts lines,
 * and each line's runs are joined by one space: a finding's line is the blob's line, and its
 * column counts characters in that joined text. A line without a run is empty.
 */

import { RUNS_WASM } from './runs-wasm.generated';
import { copyPiece } from './blob-pieces';

export const MIN_RUN = 4;
/** For content known to be compressed or encrypted: its short runs are noise, a secret is longer. */
export const MIN_RUN_NOISY = 8;

const PRINTABLE = new Uint8Array(256);
for (let c = 0x20; c <= 0x7e; c++) PRINTABLE[c] = 1;
PRINTABLE[0x09] = 1;

// perf: what a byte can start, looked up once per position. DEAD bytes (controls, DEL, UTF-8
// continuation bytes, bytes UTF-8 never uses) start nothing and are skipped in a tight loop.
const DEAD = 0;
const PRT = 1;
const NUL = 2;
const LF = 3;
const LEAD = 4;
const CLASS = new Uint8Array(256);
for (let c = 0x20; c <= 0x7e; c++) CLASS[c] = PRT;
CLASS[0x09] = PRT;
CLASS[0x00] = NUL;
CLASS[0x0a] = LF;
for (let c = 0xc2; c <= 0xf4; c++) CLASS[c] = LEAD;

/** Length in bytes of the UTF-8 character at `i` (0 when it is not a valid multi-byte one). */
function utf8Char(d: Uint8Array, i: number, len: number): number {
  const c = d[i];
  const n = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
  if (n === 0 || i + n > len) return 0;
  for (let k = 1; k < n; k++) if ((d[k + i] & 0xc0) !== 0x80) return 0;
  return n;
}

/** Characters of a UTF-16 LE run at `p`: pairs (printable, 0). */
function wideLE(d: Uint8Array, p: number, len: number): number {
  let k = 0;
  for (; p + 1 < len && PRINTABLE[d[p]] === 1 && d[p + 1] === 0; p += 2) k++;
  return k;
}

/** Characters of a UTF-16 BE run at `p`: pairs (0, printable). */
function wideBE(d: Uint8Array, p: number, len: number): number {
  let k = 0;
  for (; p + 1 < len && d[p] === 0 && PRINTABLE[d[p + 1]] === 1; p += 2) k++;
  return k;
}

/** Called for each line of the runs view that has runs: its bytes are `buf[start, end)`. */
export type Visit = (line: number, buf: Buffer, start: number, end: number, high: boolean) => void;

/**
 * The runs view, read in JavaScript: calls `visit` for each LF-separated line with runs (its
 * number from `first` on) and returns the number of lines (no line after a final LF). The
 * WebAssembly reader (runs.wat) takes the same steps; this one runs where it cannot.
 */
function runLinesJs(d: Uint8Array, minRun: number, visit: Visit, first = 0): number {
  const n = d.length;
  let out = Buffer.allocUnsafeSlow(Math.min(n + 1, 1 << 16));
  let o = 0;
  let high = false;
  let gap = false;
  let line = first;
  const room = (more: number): void => {
    if (o + more <= out.length) return;
    const bigger = Buffer.allocUnsafeSlow(Math.max(2 * out.length, o + more));
    out.copy(bigger, 0, 0, o);
    out = bigger;
  };
  let i = 0;
  while (i < n) {
    const k = CLASS[d[i]];
    if (k === DEAD) {
      gap = true;
      i++;
      while (i < n && CLASS[d[i]] === DEAD) i++;
      continue;
    }
    if (k === LF) {
      if (o > 0) visit(line, out, 0, o, high);
      line++;
      o = 0;
      high = false;
      gap = false;
      i++;
      continue;
    }
    if (k === NUL) {
      if (i + 1 < n && PRINTABLE[d[i + 1]] === 1) {
        const w = wideBE(d, i, n);
        // UTF-16 LE text after a NUL also reads as BE one byte early: LE wins when it keeps every character.
        if (wideLE(d, i + 1, n) >= Math.max(w, minRun)) {
          gap = true;
          i++;
          continue;
        }
        if (w >= minRun) {
          room(w + 1);
          if (gap && o > 0) out[o++] = 0x20;
          for (let j = 0; j < w; j++) out[o++] = d[i + 2 * j + 1];
          gap = true;
          i += 2 * w;
          continue;
        }
      }
      gap = true;
      i++;
      continue;
    }
    if (k === PRT && i + 1 < n && d[i + 1] === 0) {
      const w = wideLE(d, i, n);
      if (w >= minRun) {
        room(w + 1);
        if (gap && o > 0) out[o++] = 0x20;
        for (let j = 0; j < w; j++) out[o++] = d[i + 2 * j];
        gap = true;
        i += 2 * w;
        continue;
      }
    }
    // An 8-bit run: printable ASCII and whole UTF-8 characters; it stops where a 16-bit run starts.
    let j = i;
    let chars = 0;
    let hi = false;
    for (;;) {
      const s = j;
      while (j < n && PRINTABLE[d[j]] === 1) j++;
      if (j > s) {
        chars += j - s;
        // Only the last printable byte of a stretch can be followed by a NUL.
        if (j < n && d[j] === 0 && j - 1 > i && wideLE(d, j - 1, n) >= minRun) {
          j--;
          chars--;
          break;
        }
      }
      if (j >= n || d[j] < 0xc2) break;
      const m = utf8Char(d, j, n);
      if (m === 0) break;
      j += m;
      chars++;
      hi = true;
    }
    if (j === i) {
      gap = true;
      i++;
    } else if (chars >= minRun) {
      room(j - i + 1);
      if (gap && o > 0) out[o++] = 0x20;
      if (j - i > 64) {
        out.set(d.subarray(i, j), o);
        o += j - i;
      } else for (let p = i; p < j; p++) out[o++] = d[p];
      if (hi) high = true;
      // A run that ends where a 16-bit run starts is joined to it without a space.
      gap = j < n && d[j] !== 0x0a && !(PRINTABLE[d[j]] === 1 && j + 1 < n && d[j + 1] === 0);
      i = j;
    } else {
      gap = true;
      i = j;
    }
  }
  if (o > 0) visit(line++, out, 0, o, high);
  return line - first;
}

interface RunsModule {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  lines: { value: number };
  runs(end: number, minRun: number, out: number, bits: number, tab: number): number;
}
interface Wasm {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: RunsModule };
}
let runsWasm: RunsModule | null | undefined;
/** The minRun the module's filter tables were written for. */
let tablesFor = 0;
/** perf: the filter tables per minRun, built once (a blob and its compressed neighbour alternate). */
const filterTables = new Map<number, Uint8Array>();

/** The WebAssembly reader, compiled on first use (null where WebAssembly is off: node --jitless). */
function runsModule(): RunsModule | null {
  if (runsWasm === undefined) {
    const wasm = (globalThis as { WebAssembly?: Wasm }).WebAssembly;
    runsWasm = wasm ? new wasm.Instance(new wasm.Module(Buffer.from(RUNS_WASM, 'base64'))).exports : null;
  }
  return runsWasm;
}

// The module's memory (runs.wat): byte classes, then the two filter automata, then the chunk.
const T8 = 1024;
const TW = T8 + 128 * 256;
const IN = TW + 128 * 256;
/** Automaton states with this bit say "look here"; 127 is an LF. */
const HIT = 64;
const LF_STATE = 127;
/** The filter reads minRun ≤ this (its states must stay under HIT); longer minimums are read in JavaScript. */
const MAX_FILTER_RUN = 15;

/**
 * The filter's automata for `minRun`, as tables next state = table[state * 256 + byte]. The 8-bit
 * one counts the whole characters (printable ASCII or UTF-8 lead + continuation bytes) ending
 * here, up to minRun, in state c * 4 + p (p continuation bytes still expected); reaching minRun is
 * a hit (states HIT + p). The 16-bit one counts the bytes of an alternating (printable, NUL)
 * stretch that starts with a printable byte: 2 * minRun - 1 of them (what both a UTF-16 LE and a
 * BE run of minRun characters hold) is a hit. Every run the reader keeps makes one of them hit
 * at its minRun-th character, so bytes where neither does need no closer look.
 */
function filterTablesFor(minRun: number): Uint8Array {
  let t = filterTables.get(minRun);
  if (!t) filterTables.set(minRun, (t = buildFilterTables(minRun)));
  return t;
}

function buildFilterTables(minRun: number): Uint8Array {
  const mem = new Uint8Array(IN - T8);
  const id8 = (c: number, p: number): number => (c >= minRun ? HIT + p : c * 4 + p);
  // perf: only the rows of states the automata can reach (the others stay 0, never read).
  const states8 = [...Array.from({ length: 4 * minRun }, (_, k) => k), HIT, HIT + 1, HIT + 2, HIT + 3, LF_STATE];
  for (const state of states8) {
    let c = 0;
    let p = 0;
    if (state >= HIT && state !== LF_STATE) [c, p] = [minRun, state - HIT];
    else if (state < HIT) [c, p] = [state >> 2, state & 3];
    for (let b = 0; b < 256; b++) {
      let next: number;
      if (b === 0x0a) next = LF_STATE;
      else if (PRINTABLE[b] === 1) next = id8(p > 0 ? 1 : Math.min(c + 1, minRun), 0);
      else if (b >= 0x80 && b <= 0xbf) next = p === 0 ? 0 : p === 1 ? id8(Math.min(c + 1, minRun), 0) : id8(c, p - 1);
      else if (b >= 0xc2 && b <= 0xf4) next = id8(p > 0 ? 0 : c, b <= 0xdf ? 1 : b <= 0xef ? 2 : 3);
      else next = 0;
      mem[state * 256 + b] = next;
    }
  }
  const hitW = 2 * minRun - 1;
  const idW = (w: number): number => (w >= hitW ? HIT + (w - hitW) : w);
  for (const state of [...Array.from({ length: hitW }, (_, k) => k), HIT, HIT + 1]) {
    const w = state >= HIT ? hitW + (state - HIT) : state;
    for (let b = 0; b < 256; b++) {
      let next = 0;
      if (PRINTABLE[b] === 1) next = w > 0 && w % 2 === 0 ? w + 1 : 1;
      else if (b === 0) next = w % 2 === 1 ? w + 1 : 0;
      // Past the hit length only the parity matters.
      if (next > hitW + 1) next = hitW;
      mem[TW - T8 + state * 256 + b] = idW(next);
    }
  }
  return mem;
}

/** perf: the blob is read in chunks of about this size, each ending at an LF (where no run spans). */
const CHUNK = 1 << 20;
/** A longer line (a chunk without an LF) is read in JavaScript: the module's memory stays bounded. */
const MAX_CHUNK = 1 << 23;
const align8 = (x: number): number => (x + 7) & ~7;

/** The runs view, as runLinesJs gives it: read by the WebAssembly reader chunk by chunk. */
function runLines(d: Buffer, minRun: number, visit: Visit, useWasm: boolean, first = 0): number {
  const m = useWasm ? runsModule() : null;
  if (!m || minRun < 1 || minRun > MAX_FILTER_RUN) return runLinesJs(d, minRun, visit, first);
  let lines = first;
  for (let a = 0; a < d.length;) {
    const lf = a + CHUNK >= d.length ? -1 : d.indexOf(0x0a, a + CHUNK - 1);
    const b = lf < 0 ? d.length : lf + 1;
    const len = b - a;
    if (len > MAX_CHUNK) {
      lines += runLinesJs(d.subarray(a, b), minRun, visit, lines);
      a = b;
      continue;
    }
    // Memory: the tables, the chunk, its runs (never longer than it), the filter's marks (a bit a
    // byte), 8 bytes per line with runs.
    const end = IN + len;
    const out = align8(end);
    const bits = align8(out + len);
    const tab = bits + 8 * Math.ceil(len / 64) + 8;
    const need = tab + 8 * (Math.floor(len / minRun) + 1);
    if (m.memory.buffer.byteLength < need) m.memory.grow(Math.ceil((need - m.memory.buffer.byteLength) / 65536));
    const mem = Buffer.from(m.memory.buffer);
    if (tablesFor !== minRun) {
      mem.set(filterTablesFor(minRun), T8);
      tablesFor = minRun;
    }
    mem.set(d.subarray(a, b), IN);
    const entries = m.runs(end, minRun, out, bits, tab);
    const table = new Int32Array(m.memory.buffer, tab, 2 * entries);
    let start = out;
    for (let e = 0; e < entries; e++) {
      const x = table[2 * e + 1];
      const end = out + (x & 0x7fffffff);
      visit(lines + table[2 * e], mem, start, end, x < 0);
      start = end;
    }
    lines += m.lines.value;
    a = b;
  }
  return lines - first;
}

/**
 * The runs view of a blob written in pieces (cut anywhere): `visit` gets each line with runs,
 * numbered from 0, as the whole-blob readers give it (no run spans an LF, so the blob is read
 * in parts that end at one, each copied once into a block of about CHUNK bytes). end() returns
 * the number of lines.
 */
export class RunLineReader {
  private block: Buffer = Buffer.allocUnsafeSlow(CHUNK);
  private used = 0;
  private lines = 0;

  constructor(
    private readonly minRun: number,
    private readonly visit: Visit,
    private readonly useWasm = true,
  ) {}

  write(buf: Buffer, start: number, end: number): void {
    while (start < end) {
      if (this.used === this.block.length) this.flush();
      const n = Math.min(end - start, this.block.length - this.used);
      copyPiece(buf, start, n, this.block, this.used);
      this.used += n;
      start += n;
    }
  }

  end(): number {
    if (this.used > 0) this.read(this.block.subarray(0, this.used));
    this.used = 0;
    return this.lines;
  }

  /** The block is full: its lines up to its last LF are read, the rest moves to its start. */
  private flush(): void {
    const lf = this.block.lastIndexOf(0x0a, this.used - 1);
    if (lf >= 0) {
      this.read(this.block.subarray(0, lf + 1));
      this.block.copy(this.block, 0, lf + 1, this.used);
      this.used -= lf + 1;
    }
    // A line longer than half the block: a larger one.
    if (this.used > this.block.length / 2) {
      const bigger = Buffer.allocUnsafeSlow(2 * this.block.length);
      this.block.copy(bigger, 0, 0, this.used);
      this.block = bigger;
    }
  }

  private read(d: Buffer): void {
    this.lines += runLines(d, this.minRun, this.visit, this.useWasm, this.lines);
  }
}

/**
 * The runs of the blob, in order, each line's runs joined by one space (LF kept): what is
 * searched. Bytes between runs are dropped, so no pattern scans long stretches of padding.
 * `useWasm: false` reads it in JavaScript (what happens where WebAssembly is off).
 */
export function textRunBytes(d: Buffer, minRun = MIN_RUN, useWasm = true): Buffer {
  const parts: Buffer[] = [];
  let next = 0;
  runLines(
    d,
    minRun,
    (line, buf, start, end) => {
      for (; next < line; next++) parts.push(LF_BYTE);
      parts.push(Buffer.from(buf.subarray(start, end)));
    },
    useWasm,
  );
  // One LF per LF of the blob.
  let lfs = 0;
  for (let p = d.indexOf(0x0a); p >= 0; p = d.indexOf(0x0a, p + 1)) lfs++;
  for (; next < lfs; next++) parts.push(LF_BYTE);
  return Buffer.concat(parts);
}
const LF_BYTE = Buffer.from([0x0a]);

/** The runs view of a whole blob, line by line: `visit` gets each line with runs (numbered from 0); returns the number of lines. */
export function visitRunLines(d: Buffer, minRun: number, visit: Visit): number {
  return runLines(d, minRun, visit, true);
}

/** The runs view of a whole blob: one entry per line (LF-separated; no entry after a final LF). */
export function textRunLines(d: Buffer, minRun = MIN_RUN, useWasm = true): string[] {
  const lines: string[] = [];
  const count = runLines(
    d,
    minRun,
    (line, buf, start, end, high) => {
      while (lines.length < line) lines.push('');
      lines.push(buf.toString(high ? 'utf8' : 'latin1', start, end));
    },
    useWasm,
  );
  while (lines.length < count) lines.push('');
  return lines;
}
