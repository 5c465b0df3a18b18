import { AddedLineStore } from '../git/added-lines';
import type { TextLine } from '../detect/types';

/** First block of a store (a small binary stays small); blocks double up to BLOCK. */
const FIRST = 1 << 14;
const BLOCK = 1 << 20;

/**
 * The lines of a binary's runs view kept as bytes, as a blob's lines are (a JavaScript string
 * only for the lines a scan keeps): each line's runs are copied into blocks, one LF after each,
 * so lines that follow each other in the store sit next to each other in a block and are
 * searched in blocks of lines like a new text file's (see scanFile). A line is ASCII unless its
 * runs hold UTF-8 characters; its text is what the runs readers give (`latin1` for an ASCII
 * line, else `utf8`), not a decoding guess: runs are always read as UTF-8.
 */
export class RunStore extends AddedLineStore {
  private block: Buffer | null = null;
  private used = 0;

  /** Adds line number `line` (from 1), whose runs are buf[start, end) (`high`: some UTF-8 character). */
  add(line: number, buf: Buffer, start: number, end: number, high: boolean): void {
    const n = end - start;
    let b = this.block;
    if (b === null || this.used + n + 1 > b.length) {
      const size = b === null ? FIRST : Math.min(BLOCK, 2 * b.length);
      b = this.block = Buffer.allocUnsafeSlow(Math.max(size, n + 1));
      this.used = 0;
    }
    const at = this.used;
    // (A native copy even for short runs: a reader's first lines run before any JavaScript loop is compiled.)
    buf.copy(b, at, start, end);
    b[at + n] = 0x0a;
    this.used = at + n + 1;
    this.push(line, b, at, at + n, !high);
  }

  override text(i: number): string {
    return this.chunkOf(i).toString(this.isAscii(i) ? 'latin1' : 'utf8', this.startOf(i), this.endOf(i));
  }

  /** Every line, as TextLine objects (for tests and the views that compare lines). */
  lines(): TextLine[] {
    const out: TextLine[] = new Array(this.count);
    for (let i = 0; i < this.count; i++) out[i] = { line: this.line(i), text: this.text(i) };
    return out;
  }
}
