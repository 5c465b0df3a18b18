import { AkHookError } from '../errors';
import type { Addition } from './new-file-lines';

const NUL2 = Buffer.from([0, 0]);

/**
 * The raw records `git diff-index --raw -z --patch` prints before the patch:
 * `:<old mode> <new mode> <old id> <new id> <status>\0<path>\0` (a rename or copy has a second
 * path), then one NUL, then the patch. No record holds two NULs in a row (paths are not empty),
 * so the first two mark the end; the records are read only when asked for, in the pieces git
 * wrote them in (a commit whose patch is read anyway makes no string per file here). Gives the
 * new files (status A: the records a `--diff-filter=A` listing gives) and whether there are
 * other changes.
 */
export class RawSection {
  /** The NUL after the records was read: what follows is the patch. */
  done = false;
  /** The pieces of output holding the records (the last one cut after its final NUL). */
  private parts: Buffer[] = [];
  private lastNul = false;
  /** Reading: the piece `buf` (parts[part], or a record cut between two pieces joined), at `pos`. */
  private part = 0;
  private buf: Buffer | null = null;
  private pos = 0;
  private readonly adds: Addition[] = [];
  private others = 0;

  /** Reads a chunk of output: the offset in it where the patch starts once the section ended, else -1. */
  push(chunk: Buffer): number {
    if (this.done || chunk.length === 0) return this.done ? 0 : -1;
    if (this.parts.length === 0 && chunk[0] !== 0x3a /* : */) throw unexpected(chunk, 0);
    let start: number;
    if (this.lastNul && chunk[0] === 0) start = 1;
    else {
      const at = chunk.indexOf(NUL2);
      if (at < 0) {
        this.parts.push(chunk);
        this.lastNul = chunk[chunk.length - 1] === 0;
        return -1;
      }
      this.parts.push(chunk.subarray(0, at + 1));
      start = at + 2;
    }
    this.done = true;
    this.buf = this.parts[0];
    return start;
  }

  /** The i-th new file, or undefined when there are fewer. */
  addition(i: number): Addition | undefined {
    while (this.adds.length <= i && this.next());
    return this.adds[i];
  }

  /** Every new file, in git's order. */
  additions(): Addition[] {
    while (this.next());
    return this.adds;
  }

  /** True when the commit changes more than new files. */
  hasOthers(): boolean {
    while (this.others === 0 && this.next());
    return this.others > 0;
  }

  /** Lets go of the records (the patch is read instead). */
  drop(): void {
    this.parts = [];
    this.buf = null;
  }

  /** The output ended: records without the patch after them are not git's output. */
  end(): void {
    if (!this.done && this.parts.length > 0) throw new AkHookError('E_GIT_OUTPUT', 'git diff-index ended inside its list of changes');
  }

  /** Reads one more record; false at the end. */
  private next(): boolean {
    for (;;) {
      const buf = this.buf;
      if (!buf) return false;
      const end = this.pos < buf.length ? this.record(buf, this.pos) : -1;
      if (end >= 0) {
        this.pos = end + 1;
        return true;
      }
      // The end of a piece: the next one, with the start of a record cut between them.
      if (this.part + 1 >= this.parts.length) {
        if (this.pos < buf.length) throw unexpected(buf, this.pos);
        // Every record was read: the pieces can go (a split read runs long after this).
        this.drop();
        return false;
      }
      const rest = buf.subarray(this.pos);
      const next = this.parts[++this.part];
      this.buf = rest.length > 0 ? Buffer.concat([rest, next]) : next;
      this.pos = 0;
    }
  }

  /** Reads the record at `pos`: the offset of its final NUL, or -1 when `buf` ends inside it. */
  private record(buf: Buffer, pos: number): number {
    // ":<6> <6> <id> <id> <status>\0": read by position (ids of 40 or 64 hex digits).
    const metaEnd = buf.indexOf(0, pos);
    if (metaEnd < 0) return -1;
    const idLen = metaEnd > pos + 97 && buf[pos + 55] === 0x20 ? 40 : metaEnd > pos + 145 && buf[pos + 79] === 0x20 ? 64 : 0;
    const st = pos + 17 + 2 * idLen;
    const bad = buf[pos] !== 0x3a /* : */ || idLen === 0 || buf[pos + 7] !== 0x20 || buf[pos + 14] !== 0x20 || buf[st - 1] !== 0x20;
    if (bad || metaEnd <= st || metaEnd > st + 4) throw unexpected(buf, pos);
    const status = buf[st];
    let end = buf.indexOf(0, metaEnd + 1);
    if (end >= 0 && (status === 0x52 /* R */ || status === 0x43) /* C */) end = buf.indexOf(0, end + 1);
    if (end < 0) return -1;
    if (status === 0x41 /* A */ && metaEnd === st + 1) {
      this.adds.push({
        path: buf.toString('utf8', metaEnd + 1, end),
        mode: buf.toString('latin1', pos + 8, pos + 14),
        oid: buf.toString('latin1', pos + 16 + idLen, pos + 16 + 2 * idLen),
      });
    } else this.others++;
    return end;
  }
}

function unexpected(buf: Buffer, pos: number): AkHookError {
  return new AkHookError('E_GIT_OUTPUT', `unexpected git diff-index output: ${JSON.stringify(buf.toString('latin1', pos, pos + 40))}`);
}
