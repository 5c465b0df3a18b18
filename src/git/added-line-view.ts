import type { AddedLine } from './types';

/**
 * An added line that keeps only where its bytes are (the chunk git wrote them in), not a
 * Buffer: a 50 MB file adds ~700k lines, and a Buffer view per line would cost ~100 bytes of
 * heap each. `bytes` makes the view on demand.
 */
export class AddedLineView implements AddedLine {
  constructor(
    readonly line: number,
    private readonly ab: ArrayBufferLike,
    private readonly off: number,
    private readonly len: number,
  ) {}

  get bytes(): Buffer {
    return Buffer.from(this.ab, this.off, this.len);
  }

  static of(line: number, bytes: Buffer): AddedLineView {
    return new AddedLineView(line, bytes.buffer, bytes.byteOffset, bytes.length);
  }
}
