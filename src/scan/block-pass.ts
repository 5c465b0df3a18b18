import { isAscii } from 'node:buffer';
import type { AddedLineStore } from '../git/added-lines';
import { EventScanner, type KeywordScanner } from '../detect/keyword-scanner';
import { headCheck, literalAnchors, memberHeads } from '../detect/anchors';
import { jointFreeScan, type ContextGroup } from './context-groups';

/** Longest block of lines searched as one string (bounds the extra memory on huge files). */
const BLOCK_BYTES = 1 << 18;

/**
 * perf: from this many bytes, a line alone in its block (without CR) has its file-context
 * patterns noted where their anchors occur (see blockPass), not by a search of the whole line.
 */
const ANCHORED_NOTES_LINE = 1 << 16;

export interface PassOne {
  /** Notes which file-context patterns line `text` shows (the exact per-line check). */
  context(text: string): void;
  /** True when every file-context pattern of the group (or of all groups) has been seen. */
  contextDone(g?: ContextGroup): boolean;
  /** True when this file-context pattern has been seen (a line where only it may match needs no look). */
  noted?(re: RegExp): boolean;
  /** Notes that this file-context pattern matches a line (found where it matches, in the line's own text). */
  note?(re: RegExp): void;
  /**
   * Hands over line `i` (text read lazily): a keyword hit, or a line after one. True when the
   * line after `i` is wanted too (a multi-line secret continues).
   */
  take(i: number, hit: boolean): boolean;
  /** The text of line `i` (the last one asked for is kept: a long line alone is not copied twice). */
  text(i: number): string;
}

/**
 * How the lines of a store sit in their chunks, for block passes: which are plain ASCII, and
 * which follow the line before directly.
 */
export interface LineLayout {
  /** True when line `i` is plain ASCII without NUL. */
  ascii(i: number): boolean;
  /**
   * 1 when line `i + 1` starts just after line `i`'s '\n' in the same chunk (a blob's lines), 2
   * when one '+' sits between (a diff's added lines), else 0.
   */
  gap(i: number): number;
}

/**
 * The layout of a store's lines. `gapOk()`: blocks may hold diff lines (a '+' between lines) — true
 * only when no keyword and no literal anchor searched over a block's bytes starts with '+' (then
 * no hit can begin at that byte, and the automata, which leave every state at a '\n', find the
 * same occurrences as on each line alone). A line in a chunk that is not all ASCII is checked
 * on its own. (`gapOk` is asked only when such a gap is met: working it out reads every
 * pattern's anchors, which a small commit never needs.)
 */
export function lineLayout(store: AddedLineStore, gapOk: () => boolean): LineLayout {
  let lastI = -1;
  let lastV = false;
  return {
    ascii(i) {
      if (store.isAscii(i)) return true;
      if (i === lastI) return lastV;
      const buf = store.chunkOf(i);
      const s = store.startOf(i);
      const e = store.endOf(i);
      let v = true;
      if (e - s > 256) v = isAscii(buf.subarray(s, e)) && buf.subarray(s, e).indexOf(0) < 0;
      else
        for (let k = s; k < e; k++) {
          const c = buf[k];
          if (c >= 0x80 || c === 0) {
            v = false;
            break;
          }
        }
      lastI = i;
      lastV = v;
      return v;
    },
    gap(i) {
      if (store.chunkOf(i + 1) !== store.chunkOf(i)) return 0;
      const end = store.endOf(i);
      const next = store.startOf(i + 1);
      if (next === end + 1) return 1;
      return next === end + 2 && store.chunkOf(i)[end + 1] === 0x2b && gapOk() ? 2 : 0;
    },
  };
}

/**
 * Pass 1 over added lines [from, to) of a store, where all are plain ASCII and follow each
 * other in one chunk (a new file read as a blob, or a diff's added lines, '+' between them):
 * the keyword automaton runs over the bytes and the file-context groups over block strings, so
 * only lines with a hit become strings. Gives the same keyword hits and context notes as the
 * per-line pass (see KeywordScanner and ContextGroup.block); returns the index after the last
 * line it handled.
 */
export function blockPass(
  store: AddedLineStore,
  from: number,
  to: number,
  scanner: KeywordScanner,
  groups: readonly ContextGroup[],
  pass: PassOne,
  layout: LineLayout,
): number {
  // The block: lines that follow each other, ASCII, up to BLOCK_BYTES (at least one line).
  let end = from + 1;
  let gapped = false;
  const buf = store.chunkOf(from);
  const blockStart = store.startOf(from);
  for (; end < to && store.endOf(end) - blockStart <= BLOCK_BYTES; end++) {
    const g = layout.gap(end - 1);
    if (g === 0 || !layout.ascii(end)) break;
    if (g === 2) gapped = true;
  }
  const blockEnd = store.endOf(end - 1);
  const lineAt = (pos: number, lo: number): number => {
    // The last line starting at or before pos (a line's '\n', and a '+' after it, count as part of it).
    let hi = end - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (store.startOf(mid) <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  // File-context groups: search the block string, confirm each hit on its line.
  const joint: ContextGroup[] = [];
  // The block as a string (latin1: one character per byte), made when first needed. A block of one
  // plain-ASCII line is that line's text, asked of `pass`, which keeps it (a 20 MB line is not
  // copied twice); any other block is decoded here, so offsets stay byte offsets.
  let text: string | null = null;
  const blockText = (): string =>
    end === from + 1 && buf[blockEnd - 1] !== 0x0d && isAscii(buf.subarray(blockStart, blockEnd))
      ? pass.text(from)
      : buf.toString('latin1', blockStart, blockEnd);
  const hasCr = !pass.contextDone() && buf.subarray(blockStart, blockEnd).indexOf(0x0d) >= 0;
  if (!pass.contextDone()) {
    for (const g of groups) {
      if (pass.contextDone(g)) continue;
      // Line by line: without a block search, with a CR, or (diff lines) where a '+' before each
      // line would change what the block patterns see.
      const b = g.block;
      if (!b || hasCr || (gapped && ((b.anchored && !b.anchoredGap) || (b.free && !b.freeScan)))) {
        for (let i = from; i < end && !pass.contextDone(g); i++) pass.context(pass.text(i));
        continue;
      }
      const { free, freeScan } = b;
      const anchored = gapped ? b.anchoredGap : b.anchored;
      if (anchored) {
        // perf: only lines whose start a member accepts (most lines of code start otherwise); the
        // block string is made for the first such line.
        const gate = b.anchoredGate;
        for (let i = from; i < end; i++) {
          if (gate && !gate(buf, store.startOf(i), store.endOf(i))) continue;
          text ??= blockText();
          anchored.lastIndex = store.startOf(i) - blockStart;
          if (anchored.test(text)) {
            pass.context(pass.text(i));
            if (pass.contextDone(g)) break;
          }
        }
      }
      if (free && freeScan && !pass.contextDone(g)) {
        joint.push(g); // searched below, with the other groups' anchors in the same pass
      } else if (free && !pass.contextDone(g)) {
        text ??= blockText();
        free.lastIndex = 0;
        let lo = from;
        let m: RegExpExecArray | null;
        while ((m = free.exec(text)) !== null) {
          const i = lineAt(blockStart + m.index, lo);
          pass.context(pass.text(i));
          if (pass.contextDone(g) || i + 1 >= end) break;
          lo = i + 1;
          free.lastIndex = store.startOf(i + 1) - blockStart;
        }
      }
      if (anchored) anchored.lastIndex = 0;
      if (free) free.lastIndex = 0;
    }
  }

  // Keywords (and the joint groups' literal anchors, in the same pass): the automaton from each
  // line start after a hit, read on through the rest of that line for the other kind of word; the
  // first line of the block and the line after each keyword hit are handed over too (a line after
  // a hit may be kept), and the lines after those while `take` asks for them. A line holding an
  // anchor is confirmed on its own (`context`).
  const ev = joint.length > 0 ? eventScanner(groups, joint, scanner) : null;
  let mask = ev ? 3 : 1;
  // An anchor occurrence where a member not noted yet can start: its match is tried there in the
  // block string (a superset of the line's: see ContextGroup.block), unless the occurrence starts
  // a diff line (the '+' before it is no character of the line).
  let lineStart = 0;
  const accept = (member: RegExp, start: number): boolean => {
    if (pass.noted?.(member)) return false;
    if (gapped && start === lineStart) return true;
    const y = ev!.sticky.get(member)!;
    text ??= blockText();
    y.lastIndex = start - blockStart;
    const ok = y.test(text);
    y.lastIndex = 0;
    return ok;
  };
  // perf: a long line alone in the block (no CR: the block string is the line's text, and a
  // member's sticky multi-line copy matches there exactly where the member does) reads on to its
  // end for anchors: each member is noted where its match starts (`note`), not found by a search
  // of the whole line (one search per group); an occurrence whose member the head check cannot
  // tell (a word outside ASCII, no heads known) notes the line whole, as above.
  const direct = ev !== null && pass.note !== undefined && end === from + 1 && !hasCr && blockEnd - blockStart >= ANCHORED_NOTES_LINE;
  let notedHere = false;
  const noteAt = (member: RegExp, start: number): boolean => {
    if (pass.noted?.(member)) return false;
    const y = ev!.sticky.get(member)!;
    text ??= blockText();
    y.lastIndex = start - blockStart;
    if (y.test(text)) {
      pass.note!(member);
      notedHere = true;
    }
    y.lastIndex = 0;
    return false;
  };
  const jointDone = (): boolean => joint.every((g) => pass.contextDone(g));
  let pos = blockStart;
  let lo = from;
  let next = from;
  while (pos < blockEnd) {
    let at: number;
    let kw = 1;
    let anchor = 0;
    if (ev) {
      ev.state = 0;
      at = ev.find(buf, pos, blockEnd, mask);
      if (at < 0) break;
      kw = ev.bits & 1;
      anchor = ev.bits & 2;
    } else {
      at = scanner.find(buf, pos, blockEnd);
      if (at < 0) break;
    }
    const i = lineAt(at, lo);
    if (ev && direct) {
      lineStart = store.startOf(i);
      const lineEnd = store.endOf(i);
      notedHere = false;
      let whole = anchor !== 0 && ev.head(buf, at, lineStart, noteAt);
      // Up to the first keyword, with the anchors on the way; then the anchors alone (of the
      // members not noted yet: a scanner made for them, made again as members are noted).
      while (!whole && kw === 0 && (at = ev.find(buf, at + 1, lineEnd, mask)) >= 0) {
        kw = ev.bits & 1;
        if (ev.bits & 2 && ev.head(buf, at, lineStart, noteAt)) whole = true;
      }
      for (let seen = at; !whole && seen >= 0 && !jointDone();) {
        const pending = pendingAnchors(ev, joint, pass);
        if (!pending) break;
        // Resumed from the start of the longest anchor that can end after `seen` (events up to it were read).
        pending.scan.state = 0;
        notedHere = false;
        let p = Math.max(lineStart, seen + 2 - pending.longest);
        let e: number;
        while (!notedHere && (e = pending.scan.find(buf, p, lineEnd, 1)) >= 0) {
          p = e + 1;
          if (e > seen && ev.head(buf, e, lineStart, noteAt)) whole = true;
          if (whole) break;
          seen = Math.max(seen, e);
        }
        if (!notedHere) break;
      }
      if (whole) pass.context(pass.text(i));
      if (jointDone()) mask = 1;
    } else if (ev) {
      lineStart = store.startOf(i);
      const lineEnd = store.endOf(i);
      // An anchor where no member's match can start (its case, the character before it, the
      // member's pattern there), or only the match of a member noted already, is passed over.
      if (anchor && !ev.head(buf, at, lineStart, accept)) anchor = 0;
      let want = mask & ~(kw | anchor);
      while (want !== 0 && (at = ev.find(buf, at + 1, lineEnd, want)) >= 0) {
        kw |= ev.bits & 1;
        if (ev.bits & 2 && ev.head(buf, at, lineStart, accept)) anchor = 2;
        want = mask & ~(kw | anchor);
      }
      if (anchor) {
        pass.context(pass.text(i));
        if (joint.every((g) => pass.contextDone(g))) mask = 1;
      }
    }
    if (kw) {
      while (next < i && pass.take(next, false)) next++;
      pass.take(i, true);
      next = i + 1;
    }
    if (i + 1 >= end) break;
    lo = i + 1;
    pos = store.startOf(i + 1);
  }
  while (next < end && pass.take(next, false)) next++;
  return end;
}

/** An event scanner with the check of its anchors' occurrences (see headCheck). */
type JointEvents = EventScanner & {
  head: ReturnType<typeof headCheck>;
  /** Each member's pattern, sticky and multi-line, to try where an anchor starts in a block string. */
  sticky: Map<RegExp, RegExp>;
  /** The free members of the joint groups. */
  members: RegExp[];
  /** By the members not noted yet (their indices): a scanner of their anchors alone (bit 1), and the longest. */
  pending: Map<string, { scan: EventScanner; longest: number }>;
};

/** The scanner of the anchors of the joint groups' free members not noted yet (see JointEvents.pending), or null for none. */
function pendingAnchors(ev: JointEvents, joint: readonly ContextGroup[], pass: PassOne): { scan: EventScanner; longest: number } | null {
  const left = joint.flatMap((g) => g.block!.freeMembers).filter((re) => !pass.noted!(re));
  if (left.length === 0) return null;
  const key = left.map((re) => ev.members.indexOf(re)).join(',');
  let p = ev.pending.get(key);
  if (!p) {
    const words = [...new Set(left.flatMap((re) => literalAnchors(re) ?? []).filter((w) => /^[\x00-\x7f]+$/.test(w)))];
    p = { scan: new EventScanner([words]), longest: Math.max(1, ...words.map((w) => w.length)) };
    ev.pending.set(key, p);
  }
  return p;
}

const events = new WeakMap<readonly ContextGroup[], Map<number, JointEvents>>();

/**
 * One automaton for the keywords (bit 1) and the literal anchors of the joint groups' free
 * members (bit 2), over bytes of ASCII text (anchors outside ASCII never occur there), made once
 * per set of groups; `head` tells whether an anchor occurrence can start a member's match.
 */
function eventScanner(groups: readonly ContextGroup[], joint: readonly ContextGroup[], scanner: KeywordScanner): JointEvents {
  let byMask = events.get(groups);
  if (!byMask) events.set(groups, (byMask = new Map()));
  let mask = 0;
  for (const g of joint) mask |= 1 << groups.indexOf(g);
  let ev = byMask.get(mask);
  if (!ev) {
    const members = joint.flatMap((g) => g.block!.freeMembers);
    const anchors = members.flatMap((re) => literalAnchors(re) ?? []);
    const heads = memberHeads(members);
    const head = heads ? headCheck(heads) : () => true;
    const sticky = new Map(members.map((re) => [re, new RegExp(re.source, re.flags.replace(/[gmy]/g, '') + 'my')]));
    ev = Object.assign(new EventScanner([scanner.words, anchors.filter((w) => /^[\x00-\x7f]+$/.test(w))]), {
      head,
      sticky,
      members,
      pending: new Map(),
    });
    byMask.set(mask, ev);
  }
  return ev;
}

/** The last line (index into `starts`, from `lo`, below `count`) starting at or before `at`. */
function lineOf(starts: Int32Array, at: number, lo: number, count: number): number {
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Runs of at most this many lines are searched line by line by `contextOfLines` (the same notes). */
const FEW_LINES = 16;

/** Longest run of lines searched as one string by `contextOfLines`. */
const TEXT_BLOCK_CHARS = 1 << 18;

/**
 * Collects lines (already strings: read one by one) and notes their file-context patterns by
 * searching them joined, a block at a time, as `blockPass` does: the same notes as `context` on
 * each line. Call `flush` before reading the notes.
 */
export function contextOfLines(groups: readonly ContextGroup[], pass: Pick<PassOne, 'context' | 'contextDone'>) {
  let texts: string[] = [];
  let chars = 0;
  const flush = (): void => {
    const batch = texts;
    texts = [];
    chars = 0;
    if (batch.length === 0 || pass.contextDone()) return;
    if (batch.length === 1) return pass.context(batch[0]); // a single (perhaps huge) line: no copy
    // perf: a few lines are searched one by one (building the block scanners costs more than that).
    if (batch.length <= FEW_LINES) {
      for (const t of batch) if (!pass.contextDone()) pass.context(t);
      return;
    }
    const text = batch.join('\n');
    // Joined at '\n' only: a line holding another line break is searched line by line.
    const plain = !/[\r\u2028\u2029]/.test(text);
    let starts: Int32Array | null = null;
    const joint: ContextGroup[] = [];
    for (const g of groups) {
      if (pass.contextDone(g)) continue;
      if (!g.block || !plain) {
        for (let i = 0; i < batch.length && !pass.contextDone(g); i++) pass.context(batch[i]);
        continue;
      }
      if (!starts) {
        starts = new Int32Array(batch.length + 1);
        for (let i = 0; i < batch.length; i++) starts[i + 1] = starts[i] + batch[i].length + 1;
      }
      const s = starts;
      const { free, anchored, freeScan } = g.block;
      if (anchored)
        for (let i = 0; i < batch.length; i++) {
          anchored.lastIndex = s[i];
          if (anchored.test(text)) {
            pass.context(batch[i]);
            if (pass.contextDone(g)) break;
          }
        }
      if (free && freeScan && !pass.contextDone(g))
        joint.push(g); // below, in one pass with the others
      else if (free && !pass.contextDone(g)) {
        free.lastIndex = 0;
        let lo = 0;
        let m: RegExpExecArray | null;
        while ((m = free.exec(text)) !== null) {
          lo = lineOf(s, m.index, lo, batch.length);
          pass.context(batch[lo]);
          if (pass.contextDone(g) || lo + 1 >= batch.length) break;
          lo++;
          free.lastIndex = s[lo];
        }
      }
      if (anchored) anchored.lastIndex = 0;
      if (free) free.lastIndex = 0;
    }
    if (joint.length > 0) {
      // Literal anchors of every such group in one pass: each line holding one is confirmed on its own.
      const scan = jointFreeScan(groups, joint);
      const s = starts!;
      let lo = 0;
      let at: number;
      while ((at = scan.findText(text, s[lo])) >= 0) {
        lo = lineOf(s, at, lo, batch.length);
        pass.context(batch[lo]);
        if (joint.every((g) => pass.contextDone(g)) || lo + 1 >= batch.length) break;
        lo++;
      }
    }
  };
  return {
    add(text: string): void {
      texts.push(text);
      chars += text.length + 1;
      if (chars >= TEXT_BLOCK_CHARS) flush();
    },
    flush,
  };
}
