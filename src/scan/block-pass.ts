import type { AddedLineStore } from '../git/added-lines';
import type { KeywordScanner } from '../detect/keyword-scanner';
import type { ContextGroup } from './context-groups';

/** Longest block of lines searched as one string (bounds the extra memory on huge files). */
const BLOCK_BYTES = 1 << 18;

export interface PassOne {
  /** Notes which file-context patterns line `text` shows (the exact per-line check). */
  context(text: string): void;
  /** True when every file-context pattern of the group (or of all groups) has been seen. */
  contextDone(g?: ContextGroup): boolean;
  /**
   * Hands over line `i` (text read lazily): a keyword hit, or a line after one. True when the
   * line after `i` is wanted too (a multi-line secret continues).
   */
  take(i: number, hit: boolean): boolean;
}

/**
 * Pass 1 over added lines [from, to) of a store, where all are plain ASCII and follow each
 * other in one chunk (a new file read as a blob): the keyword automaton runs over the bytes
 * and the file-context groups over block strings, so only lines with a hit become strings.
 * Gives the same keyword hits and context notes as the per-line pass (see KeywordScanner and
 * ContextGroup.block); returns the index after the last line it handled.
 */
export function blockPass(
  store: AddedLineStore,
  from: number,
  to: number,
  scanner: KeywordScanner,
  groups: readonly ContextGroup[],
  pass: PassOne,
): number {
  // The block: adjacent ASCII lines up to BLOCK_BYTES (at least one line).
  let end = from + 1;
  const buf = store.chunkOf(from);
  const blockStart = store.startOf(from);
  while (end < to && store.isAscii(end) && store.adjacent(end - 1) && store.endOf(end) - blockStart <= BLOCK_BYTES) end++;
  const blockEnd = store.endOf(end - 1);
  const lineAt = (pos: number, lo: number): number => {
    // The last line starting at or before pos (a line's '\n' counts as part of it).
    let hi = end - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (store.startOf(mid) <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  // File-context groups: search the block string, confirm each hit on its line.
  if (!pass.contextDone()) {
    const hasCr = buf.subarray(blockStart, blockEnd).indexOf(0x0d) >= 0;
    let text: string | null = null;
    for (const g of groups) {
      if (pass.contextDone(g)) continue;
      if (!g.block || hasCr) {
        for (let i = from; i < end && !pass.contextDone(g); i++) pass.context(store.text(i));
        continue;
      }
      text ??= buf.toString('latin1', blockStart, blockEnd);
      const { free, anchored } = g.block;
      if (anchored)
        for (let i = from; i < end; i++) {
          anchored.lastIndex = store.startOf(i) - blockStart;
          if (anchored.test(text)) {
            pass.context(store.text(i));
            if (pass.contextDone(g)) break;
          }
        }
      if (free && !pass.contextDone(g)) {
        free.lastIndex = 0;
        let lo = from;
        let m: RegExpExecArray | null;
        while ((m = free.exec(text)) !== null) {
          const i = lineAt(blockStart + m.index, lo);
          pass.context(store.text(i));
          if (pass.contextDone(g) || i + 1 >= end) break;
          lo = i + 1;
          free.lastIndex = store.startOf(i + 1) - blockStart;
        }
      }
      if (anchored) anchored.lastIndex = 0;
      if (free) free.lastIndex = 0;
    }
  }

  // Keywords: the automaton from each line start after a hit; the first line of the block and
  // the line after each hit are handed over too (a line after a hit may be kept), and the lines
  // after those while `take` asks for them.
  let pos = blockStart;
  let lo = from;
  let next = from;
  while (pos < blockEnd) {
    const at = scanner.find(buf, pos, blockEnd);
    if (at < 0) break;
    const i = lineAt(at, lo);
    while (next < i && pass.take(next, false)) next++;
    pass.take(i, true);
    next = i + 1;
    if (i + 1 >= end) break;
    lo = i + 1;
    pos = store.startOf(i + 1);
  }
  while (next < end && pass.take(next, false)) next++;
  return end;
}
