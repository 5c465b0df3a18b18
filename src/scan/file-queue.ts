import type { FileSink } from '../git/backend';
import { addedBytes } from '../git/added-lines';
import type { StagedFile } from '../git/types';

export interface Queued {
  file: StagedFile;
  part: number;
  /** Bytes of lines it held when queued. */
  bytes: number;
}

/**
 * Files a reader has handed over and the scanner has not taken yet. When it holds more than
 * its limit, wait() tells the reader to pause git (which then blocks on a full pipe): memory
 * stays bounded however far git is ahead of the scan.
 */
export class FileQueue implements FileSink {
  private items: Array<Queued | undefined> = [];
  private head = 0;
  private bytes = 0;
  private ended = false;
  private error: { e: unknown } | null = null;
  private wake: (() => void) | null = null;
  private drained: { promise: Promise<void>; resolve: () => void } | null = null;

  /** Called with each file as it is queued (to ask about it ahead of its scan). */
  onAdd: ((q: Queued) => void) | null = null;

  // perf: 1 MB, not more: the chunks of git output then mostly die young (freed by a scavenge),
  // which on real code halves the full collections that a larger queue's chunks cost.
  constructor(private readonly limit: { bytes: number; files: number } = { bytes: 1 << 20, files: 256 }) {}

  add(file: StagedFile, part = 0): void {
    const bytes = addedBytes(file);
    const q = { file, part, bytes };
    this.items.push(q);
    this.bytes += bytes;
    this.onAdd?.(q);
    this.notify();
  }

  wait(): Promise<void> | null {
    if (!this.full()) return null;
    if (!this.drained) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      this.drained = { promise, resolve };
    }
    return this.drained.promise;
  }

  /** The files queued and not taken yet (to ask about them ahead). */
  *waiting(): Iterable<Queued> {
    for (let i = this.head; i < this.items.length; i++) yield this.items[i]!;
  }

  /** No more files will come. */
  end(): void {
    this.ended = true;
    this.notify();
  }

  /** The reader or the scan failed: next() throws, a paused reader is let go (to see its stop signal). */
  fail(e: unknown): void {
    this.error ??= { e };
    this.notify();
    this.release();
  }

  /** The next file, or null after end(); throws after fail(). */
  async next(): Promise<Queued | null> {
    for (;;) {
      if (this.error) throw this.error.e;
      if (this.head < this.items.length) break;
      if (this.ended) return null;
      await new Promise<void>((r) => (this.wake = r));
    }
    const it = this.items[this.head]!;
    this.items[this.head++] = undefined;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    this.bytes -= it.bytes;
    // perf: a paused reader goes on once half the queue is scanned (not after each file: fewer
    // pauses and wake-ups of git).
    if (this.drained && this.bytes <= this.limit.bytes / 2 && this.items.length - this.head <= this.limit.files / 2) this.release();
    return it;
  }

  private full(): boolean {
    return this.bytes > this.limit.bytes || this.items.length - this.head > this.limit.files;
  }

  private notify(): void {
    const w = this.wake;
    this.wake = null;
    w?.();
  }

  private release(): void {
    const d = this.drained;
    this.drained = null;
    d?.resolve();
  }
}
