/**
 * Splits a stream of chunks into '\n'-terminated lines without copying, except for a line
 * that spans chunks: its parts are kept in a list and joined once (a 5 MB minified line
 * arriving in 64 KB chunks is copied once, not once per chunk). Lines are handed out as
 * views into the chunks.
 */
export class LineSplitter {
  private carry: Buffer[] = [];
  private carryLen = 0;
  constructor(private readonly onLine: (line: Buffer) => void) {}

  push(chunk: Buffer): void {
    let start = 0;
    let nl = chunk.indexOf(0x0a, start);
    if (this.carry.length > 0 && nl >= 0) {
      this.carry.push(chunk.subarray(0, nl));
      this.onLine(Buffer.concat(this.carry, this.carryLen + nl));
      this.carry = [];
      this.carryLen = 0;
      start = nl + 1;
      nl = chunk.indexOf(0x0a, start);
    }
    while (nl >= 0) {
      this.onLine(chunk.subarray(start, nl));
      start = nl + 1;
      nl = chunk.indexOf(0x0a, start);
    }
    if (start < chunk.length) {
      this.carry.push(chunk.subarray(start));
      this.carryLen += chunk.length - start;
    }
  }

  end(): void {
    if (this.carryLen > 0) this.onLine(Buffer.concat(this.carry, this.carryLen));
    this.carry = [];
    this.carryLen = 0;
  }
}
