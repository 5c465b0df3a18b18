/**
 * Copies buf[start, start + n) to dst at `at`. perf: short pieces (a patch's lines) byte by byte:
 * a native copy costs more than it moves.
 */
export function copyPiece(buf: Buffer, start: number, n: number, dst: Buffer, at: number): void {
  if (n > 64) buf.copy(dst, at, start, start + n);
  else for (let k = 0; k < n; k++) dst[at + k] = buf[start + k];
}

/** Bytes written in pieces (a patch's lines, git's output), copied into blocks that grow up to 1 MiB. */
export class BlobPieces {
  private readonly done: Buffer[] = [];
  private cur: Buffer = Buffer.allocUnsafeSlow(FIRST);
  private used = 0;
  size = 0;

  write(buf: Buffer, start: number, end: number): void {
    while (start < end) {
      if (this.used === this.cur.length) this.next();
      const n = Math.min(end - start, this.cur.length - this.used);
      copyPiece(buf, start, n, this.cur, this.used);
      this.used += n;
      start += n;
      this.size += n;
    }
  }

  /** The blob, in order. */
  finish(): Buffer[] {
    return this.used > 0 ? [...this.done, this.cur.subarray(0, this.used)] : this.done;
  }

  private next(): void {
    this.done.push(this.cur);
    // Blocks grow (a small file stays small) up to BLOCK.
    this.cur = Buffer.allocUnsafeSlow(Math.min(BLOCK, 2 * this.cur.length));
    this.used = 0;
  }
}

const FIRST = 1 << 16;
const BLOCK = 1 << 20;
