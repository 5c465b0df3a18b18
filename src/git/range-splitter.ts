import { isAscii } from 'node:buffer';

/**
 * Splits a stream of chunks into '\n'-terminated lines handed out as (chunk, start, end),
 * with no object per line, plus whether the chunk is plain ASCII without NUL (one native
 * check per chunk instead of one per line). A line spanning chunks is joined once.
 */
export class RangeSplitter {
  private carry: Buffer[] = [];
  private carryLen = 0;
  constructor(private readonly onLine: (buf: Buffer, start: number, end: number, clean: boolean) => void) {}

  push(chunk: Buffer): void {
    const clean = isAscii(chunk) && chunk.indexOf(0) < 0;
    let start = 0;
    let nl = chunk.indexOf(0x0a, start);
    if (this.carry.length > 0 && nl >= 0) {
      this.carry.push(chunk.subarray(0, nl));
      const joined = Buffer.concat(this.carry, this.carryLen + nl);
      this.carry = [];
      this.carryLen = 0;
      this.onLine(joined, 0, joined.length, isAscii(joined) && joined.indexOf(0) < 0);
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
    }
  }

  end(): void {
    if (this.carryLen > 0) {
      const joined = Buffer.concat(this.carry, this.carryLen);
      this.onLine(joined, 0, joined.length, isAscii(joined) && joined.indexOf(0) < 0);
    }
    this.carry = [];
    this.carryLen = 0;
  }
}
