import { automaton } from './keyword-scanner';
import { LINE_BITS_WASM } from './line-bits-wasm.generated';

/** The bit of a line holding a byte above 0x7f or a NUL (it is not plain ASCII: read as text instead). */
export const NOT_PLAIN = 0x80;
/** (The line break's own bit: never in a line's bits.) */
const NL = 0x40;
/** Most word lists a LineBits tells apart (bits 1 << 0 … 1 << 5). */
export const MAX_LISTS = 6;

/**
 * perf: one pass of an automaton (Aho-Corasick, ASCII case folded) over the bytes of many whole
 * lines gives each line's bits: `1 << k` when it holds a word of list k, NOT_PLAIN when it holds
 * a byte above 0x7f or a NUL. Every byte is read once (no call per line or per hit), two runs of
 * lines at a time in WebAssembly (line-bits.wat), so a block of lines costs one table read per
 * byte. No word holds a line break: each '\n' leaves every state, so a line's bits are the words
 * in it alone (a byte after the '\n' that no word starts with, such as a diff's '+', changes
 * nothing).
 */
export class LineBits {
  /** Each byte's class (word characters in either ASCII case share one; '\n' and the bytes outside plain ASCII have their own). */
  private readonly cls = new Uint8Array(256);
  /** Transitions: the target's row index (state × classes), ~it when the target has bits. */
  private readonly table: Int32Array;
  /** The bits of the state whose row starts at each index (only row starts are set). */
  private readonly bits: Uint8Array;
  private wasm: LineBitsModule | null;
  private mem: Uint8Array | null = null;
  /** Where the module's memory holds the table, the bits, then each call's line bytes and bits. */
  private readonly tabAt = 256;
  private readonly bitsAt: number;
  private readonly dataAt: number;
  /** The longest word's length less one. */
  private readonly overlap: number;

  constructor(lists: ReadonlyArray<readonly string[]>, useWasm = true) {
    if (lists.length > MAX_LISTS) throw new RangeError('too many word lists');
    const words: string[] = [];
    const bitOf: number[] = [];
    lists.forEach((list, k) => {
      for (const w of list) {
        if (w.length === 0 || !/^[\x01-\x09\x0b-\x7f]+$/.test(w)) continue; // never in a plain ASCII line
        words.push(w);
        bitOf.push(1 << k);
      }
    });
    const wordCls = new Uint8Array(256);
    let classes = 1;
    for (const w of words)
      for (let i = 0; i < w.length; i++) {
        const c = w.charCodeAt(i);
        if (wordCls[c] !== 0) continue;
        wordCls[c] = classes;
        if (c >= 0x61 && c <= 0x7a) wordCls[c - 32] = classes;
        else if (c >= 0x41 && c <= 0x5a) wordCls[c + 32] = classes;
        classes++;
      }
    const { next, own, states } = automaton(words, (i) => bitOf[i], wordCls, classes);
    this.overlap = Math.max(0, ...words.map((w) => w.length - 1));
    // Two more classes ('\n', a byte outside plain ASCII) and two more states (their targets,
    // each with its own bits and the root's row).
    const k = classes + 2;
    const nlRow = states * k;
    const badRow = (states + 1) * k;
    const table = (this.table = new Int32Array((states + 2) * k));
    const bits = (this.bits = new Uint8Array((states + 2) * k));
    for (let s = 0; s < states; s++) {
      for (let x = 0; x < classes; x++) {
        const t = next[s * classes + x];
        table[s * k + x] = own[t] !== 0 ? ~(t * k) : t * k;
      }
      table[s * k + classes] = ~nlRow;
      table[s * k + classes + 1] = ~badRow;
      bits[s * k] = own[s];
    }
    table.copyWithin(nlRow, 0, k);
    table.copyWithin(badRow, 0, k);
    bits[nlRow] = NL;
    bits[badRow] = NOT_PLAIN;
    for (let c = 0; c < 256; c++) this.cls[c] = c === 0x0a ? classes : c === 0 || c >= 0x80 ? classes + 1 : wordCls[c];
    this.bitsAt = this.tabAt + table.length * 4;
    this.dataAt = (this.bitsAt + bits.length + 15) & ~15;
    this.wasm = useWasm ? lineBitsModule() : null;
  }

  /**
   * The bits of `count` lines: the bytes buf[from, to), lines `0 … count - 1` one after the other
   * with a '\n' (perhaps and one more byte) between them. The two halves are read side by side,
   * cut at byte `split`, which line `mid` holds (not a byte between two lines): the first half
   * reads on over the longest word's length past it (a word across the cut is found there; one
   * found twice changes no bit). Returns them by line (a view valid until the next call).
   */
  lines(buf: Uint8Array, from: number, split: number, to: number, mid: number, count: number): Uint8Array {
    const m = this.wasm;
    if (!m) return this.linesJs(buf, from, to, count);
    const n = to - from;
    const firstEnd = Math.min(to, split + this.overlap);
    const outAt = this.dataAt + n;
    const need = outAt + count;
    let mem = this.mem;
    if (!mem || mem.buffer !== m.memory.buffer || mem.length < need) {
      if (m.memory.buffer.byteLength < need) m.memory.grow(Math.ceil((need - m.memory.buffer.byteLength) / 65536));
      mem = this.mem = new Uint8Array(m.memory.buffer);
      if (!this.tablesIn) this.writeTables(mem);
    }
    mem.set(buf.subarray(from, to), this.dataAt);
    mem.fill(0, outAt, outAt + count);
    const d = this.dataAt - from;
    m.lines(from + d, firstEnd + d, split + d, to + d, this.tabAt, this.bitsAt, outAt, outAt + mid);
    return mem.subarray(outAt, outAt + count);
  }

  private tablesIn = false;

  /** True when it reads in WebAssembly (else linesJs does). */
  get inWasm(): boolean {
    return this.wasm !== null;
  }

  private writeTables(mem: Uint8Array): void {
    mem.set(this.cls, 0);
    const t = new Int32Array(mem.buffer, this.tabAt, this.table.length);
    // In bytes: row index × 4 (~ kept for the targets with bits).
    for (let i = 0; i < t.length; i++) {
      const v = this.table[i];
      t[i] = v < 0 ? ~(~v * 4) : v * 4;
    }
    mem.set(this.bits, this.bitsAt);
    this.tablesIn = true;
  }

  /** The same in JavaScript, one run (where WebAssembly is off: node --jitless). */
  linesJs(buf: Uint8Array, from: number, to: number, count: number): Uint8Array {
    const out = new Uint8Array(count);
    const { cls, table, bits } = this;
    let s = 0;
    let o = 0;
    for (let i = from; i < to; i++) {
      s = table[s + cls[buf[i]]];
      if (s < 0) {
        s = ~s;
        const b = bits[s];
        if (b === NL) o++;
        else out[o] |= b;
      }
    }
    return out;
  }
}

interface LineBitsModule {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  lines(p: number, pe: number, q: number, qe: number, tab: number, bits: number, op: number, oq: number): void;
}
interface Wasm {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: LineBitsModule };
}

let compiledModule: object | null | undefined;

/** A new instance of the module (each LineBits writes its own tables), null where WebAssembly is off. */
function lineBitsModule(): LineBitsModule | null {
  const wasm = (globalThis as { WebAssembly?: Wasm }).WebAssembly;
  if (compiledModule === undefined) compiledModule = wasm ? new wasm.Module(Buffer.from(LINE_BITS_WASM, 'base64')) : null;
  return wasm && compiledModule ? new wasm.Instance(compiledModule).exports : null;
}
