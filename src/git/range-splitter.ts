import { isAscii } from 'node:buffer';

/**
 * Splits a stream of chunks into '\n'-terminated lines handed out as (chunk, start, end),
 * with no object per line, plus whether the chunk is plain ASCII without NUL (one native
 * check per chunk instead of one per line). A line spanning chunks is joined once; when the
 * chunks it spans lie one after the other in the same memory (a reader that reads a file into
 * one buffer, piece by piece), the joined line is a view of that memory, not a copy.
 */
export class RangeSplitter {
  private carry: Buffer[] = [];
  private carryLen = 0;
  /** Every carried piece is plain ASCII without NUL (known from its chunk's check). */
  private carryClean = true;
  constructor(private readonly onLine: (buf: Buffer, start: number, end: number, clean: boolean) => void) {}

  push(chunk: Buffer): void {
    const clean = isAscii(chunk) && chunk.indexOf(0) < 0;
    let start = 0;
    let nl = chunk.indexOf(0x0a, start);
    if (this.carry.length > 0 && nl >= 0) {
      this.carry.push(chunk.subarray(0, nl));
      this.flush(this.carryLen + nl, clean);
      start = nl + 1;
      nl = chunk.indexOf(0x0a, start);
    }
    while (nl >= 0) {
      this.onLine(chunk, start, nl, clean);
      start = nl + 1;
      nl = chunk.indexOf(0x0a, start);
    }
    if (start < chunk.length) {
      this.carry.push(chunk.subarray(start));
      this.carryLen += chunk.length - start;
      this.carryClean &&= clean;
    }
  }

  end(): void {
    if (this.carryLen > 0) this.flush(this.carryLen, true);
    this.carry = [];
    this.carryLen = 0;
    this.carryClean = true;
  }

  /** Hands over the carried pieces as one line (`clean`: the last piece's chunk was clean). */
  private flush(length: number, clean: boolean): void {
    const joined = joinPieces(this.carry, length);
    // (A piece of a chunk that was not clean may be clean itself: then the line is checked whole.)
    const ok = (this.carryClean && clean) || (isAscii(joined) && joined.indexOf(0) < 0);
    this.carry = [];
    this.carryLen = 0;
    this.carryClean = true;
    this.onLine(joined, 0, joined.length, ok);
  }
}

/**
 * The pieces as one Buffer of `length` bytes: a view of their memory when each starts where the
 * one before ends in the same ArrayBuffer (the same bytes, no copy), else a copy.
 */
export function joinPieces(pieces: readonly Buffer[], length: number): Buffer {
  const first = pieces[0];
  let end = first.byteOffset + first.length;
  for (let k = 1; k < pieces.length; k++) {
    const p = pieces[k];
    if (p.buffer !== first.buffer || p.byteOffset !== end) return Buffer.concat(pieces, length);
    end += p.length;
  }
  return pieces.length === 1 ? first : Buffer.from(first.buffer, first.byteOffset, length);
}
