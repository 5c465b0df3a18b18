/**
 * Splits a stream of chunks into '\n'-terminated lines without copying, except for the
 * rare line that spans two chunks. Lines are handed out as views into the chunks.
 */
export class LineSplitter {
  private carry: Buffer | null = null;
  constructor(private readonly onLine: (line: Buffer) => void) {}

  push(chunk: Buffer): void {
    let start = 0;
    let nl = chunk.indexOf(0x0a, start);
    if (this.carry !== null && nl >= 0) {
      this.onLine(Buffer.concat([this.carry, chunk.subarray(0, nl)]));
      this.carry = null;
      start = nl + 1;
      nl = chunk.indexOf(0x0a, start);
    }
    while (nl >= 0) {
      this.onLine(chunk.subarray(start, nl));
      start = nl + 1;
      nl = chunk.indexOf(0x0a, start);
    }
    if (start < chunk.length) {
      const rest = chunk.subarray(start);
      this.carry = this.carry === null ? rest : Buffer.concat([this.carry, rest]);
    }
  }

  end(): void {
    if (this.carry !== null && this.carry.length > 0) this.onLine(this.carry);
    this.carry = null;
  }
}
