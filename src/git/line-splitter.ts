import { RangeSplitter } from './range-splitter';

/**
 * Splits a stream of chunks into '\n'-terminated lines handed out as views into the chunks
 * (a line spanning chunks is joined once). The Buffer-per-line face of RangeSplitter.
 */
export class LineSplitter {
  private readonly ranges: RangeSplitter;
  constructor(onLine: (line: Buffer) => void) {
    this.ranges = new RangeSplitter((buf, start, end) => onLine(buf.subarray(start, end)));
  }

  push(chunk: Buffer): void {
    this.ranges.push(chunk);
  }

  end(): void {
    this.ranges.end();
  }
}
