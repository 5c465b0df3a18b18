import { AkHookError } from '../errors';
import type { ChangeStatus, FileKind, StagedFile } from './types';
import { unquoteGitPath } from './unquote';
import { attachStore, type AddedLineStore } from './added-lines';
import type { BlobTap } from './backend';

/**
 * A pure, incremental parser of `git diff -U0 --full-index` output (hardened flags, fixed
 * a/ b/ prefixes). Feed it lines (without '\n'); it keeps only the lines each file adds.
 * Hunk bodies are consumed by count from the @@ header, so content can never be mistaken
 * for a header.
 */
export class DiffParser {
  private files: StagedFile[] = [];
  private cur: StagedFile | null = null;
  private oldLeft = 0;
  private newLeft = 0;
  private nextLine = 0;
  private addedBytes = 0;
  private store: AddedLineStore | null = null;
  /** Reads a new binary file's blob, rebuilt from its lines (option newBinaryTap). */
  private tap: BlobTap | null = null;
  /** The LF after the tap's last line is written once the next line (or no "\ No newline") shows it is there. */
  private tapLf = false;

  constructor(
    private readonly opts: {
      maxFileBytes?: number;
      /** Takes each file as soon as all its lines are read (the next header, or finish()); `files` then stays empty. */
      onFile?: (file: StagedFile) => void;
      /** A file with a NUL keeps only its first added line (a scan reads a binary file's blob, not its lines). */
      firstBinaryLine?: boolean;
      /** A new file with a NUL: its blob, rebuilt from its lines, goes to the tap this gives (see StagedChangesOptions). */
      newBinaryTap?: (oid: string) => BlobTap | null;
    } = {},
  ) {}

  /**
   * The hot path: a line given as a range of a chunk (`clean`: the chunk is ASCII without NUL).
   * perf: read in place, without a Buffer per line (the headers too: a history has ~6 header
   * lines per file); added lines are kept as ranges of the chunk.
   */
  lineAt(chunk: Buffer, start: number, end: number, clean: boolean): void {
    const f = this.cur;
    if (f && (this.oldLeft > 0 || this.newLeft > 0)) {
      const c = end > start ? chunk[start] : -1;
      if (c === 0x2b /* + */) this.added(f, chunk, start, end, clean);
      else if (c === 0x2d /* - */) this.oldLeft--;
      else if (c === 0x20 /* context */) {
        this.oldLeft--;
        this.newLeft--;
        this.nextLine++;
      } else if (c === 0x5c /* \ No newline at end of file */) return;
      else throw new AkHookError('E_GIT_OUTPUT', 'malformed hunk line in git diff output');
      return;
    }
    // "\ No newline at end of file" after a hunk's last line: a new file's last line has no LF.
    if (f && end > start && chunk[start] === 0x5c) {
      this.tapLf = false;
      return;
    }
    if (startsAt(chunk, start, end, 'diff --git ')) {
      this.startFile(chunk, start + 11, end);
      return;
    }
    if (!f) {
      if (end === start) return;
      throw new AkHookError('E_GIT_OUTPUT', 'unexpected git diff output before the first file header');
    }
    switch (end > start ? chunk[start] : -1) {
      case 0x40 /* @ */:
        if (startsAt(chunk, start, end, '@@ ')) this.startHunk(chunk, start, end);
        return;
      case 0x2b /* + */:
        if (startsAt(chunk, start, end, '+++ ')) this.setNewPath(f, chunk, start + 4, end);
        return;
      case 0x69 /* i */:
        if (startsAt(chunk, start, end, 'index ')) this.setIndex(f, chunk, start + 6, end);
        return;
      case 0x2d /* - */:
        return; // '--- ': the old name, nothing to keep
      default:
        this.otherHeader(f, chunk.subarray(start, end));
    }
  }

  /** A line as a Buffer of its own (without '\n'). */
  line(buf: Buffer): void {
    this.lineAt(buf, 0, buf.length, false);
  }

  /** The rarer extended headers. */
  private otherHeader(f: StagedFile, buf: Buffer): void {
    if (startsWith(buf, 'new file mode ')) {
      f.status = 'added';
      f.kind = kindOf(buf.subarray(14));
    } else if (startsWith(buf, 'deleted file mode ')) f.status = 'deleted';
    else if (startsWith(buf, 'new mode ')) f.kind = kindOf(buf.subarray(9));
    else if (startsWith(buf, 'rename from ')) {
      f.status = 'renamed';
      f.oldPath = unquoteGitPath(buf.subarray(12));
    } else if (startsWith(buf, 'rename to ')) f.path = unquoteGitPath(buf.subarray(10));
    else if (startsWith(buf, 'copy from ')) {
      f.status = 'copied';
      f.oldPath = unquoteGitPath(buf.subarray(10));
    } else if (startsWith(buf, 'copy to ')) f.path = unquoteGitPath(buf.subarray(8));
    // 'old mode', 'similarity index', 'dissimilarity index', 'Binary files': nothing to keep.
  }

  /** An added line ('+' at `start`) inside a hunk. */
  private added(f: StagedFile, chunk: Buffer, start: number, end: number, clean: boolean): void {
    this.newLeft--;
    const line = this.nextLine++;
    if (f.tooLarge) return;
    this.addedBytes += end - start;
    if (this.opts.maxFileBytes !== undefined && this.addedBytes > this.opts.maxFileBytes) {
      f.tooLarge = true;
      f.added = [];
      this.tap = null;
      return;
    }
    if (!clean && !f.binary && chunk.subarray(start + 1, end).includes(0)) this.becameBinary(f);
    if (this.tap) this.toTap(chunk, start + 1, end);
    if (f.binary && this.opts.firstBinaryLine && this.store!.count > 0) return;
    this.store!.push(line, chunk, start + 1, end, clean);
  }

  /**
   * Ends parsing and hands over the files; throws when the output stopped inside a hunk. The
   * parser may then read another diff (the next commit of a log), into a new list.
   */
  finish(): StagedFile[] {
    if (this.oldLeft > 0 || this.newLeft > 0) {
      throw new AkHookError('E_GIT_OUTPUT', 'git diff output ended inside a hunk');
    }
    if (this.cur) this.fileDone(this.cur);
    this.cur = null;
    this.store = null;
    const files = this.files;
    this.files = [];
    return files;
  }

  private startFile(chunk: Buffer, from: number, end: number): void {
    // (`added` is defined by attachStore, after the other fields: see there.)
    const f = { path: headerPath(chunk, from, end), status: 'modified', kind: 'file', binary: false } as StagedFile;
    if (this.cur) this.fileDone(this.cur);
    this.store = attachStore(f);
    if (!this.opts.onFile) this.files.push(f);
    this.cur = f;
    this.addedBytes = 0;
  }

  /** All of the file's lines are read: the tap's view is kept, and the file handed over. */
  private fileDone(f: StagedFile): void {
    const tap = this.tap;
    if (tap && !f.tooLarge) {
      if (this.tapLf) tap.write(LF, 0, 1);
      const { view, bytes } = tap.end();
      this.store!.keepView(view, bytes);
    }
    this.tap = null;
    this.tapLf = false;
    if (this.opts.onFile) this.opts.onFile(f);
  }

  /**
   * An added line holds a NUL. A new file's blob then goes to a tap, rebuilt from its lines
   * (those read so far are all in the store: a file keeps every line up to its first NUL);
   * with firstBinaryLine only the first line stays.
   */
  private becameBinary(f: StagedFile): void {
    f.binary = true;
    const store = this.store!;
    if (this.opts.newBinaryTap && f.status === 'added' && f.oldOid === undefined && f.newOid) {
      this.tap = this.opts.newBinaryTap(f.newOid);
      if (this.tap) for (let i = 0; i < store.count; i++) this.toTap(store.chunkOf(i), store.startOf(i), store.endOf(i));
    }
    if (this.opts.firstBinaryLine) store.truncate(1);
  }

  /** One more line of a new binary file's blob, to the tap. */
  private toTap(buf: Buffer, start: number, end: number): void {
    if (this.tapLf) this.tap!.write(LF, 0, 1);
    this.tap!.write(buf, start, end);
    this.tapLf = true;
  }

  private setNewPath(f: StagedFile, chunk: Buffer, from: number, end: number): void {
    let e = end;
    // git appends a TAB to ---/+++ names that contain a space.
    if (e > from && chunk[e - 1] === 0x09) e--;
    if (e > from && chunk[from] === 0x22) {
      this.setNewName(f, unquoteGitPath(chunk.subarray(from, e)));
      return;
    }
    // perf: a name without quotes is its bytes as UTF-8 (what unquoteGitPath gives).
    if (startsAt(chunk, from, e, '/dev/null') && e - from === 9) return;
    if (!startsAt(chunk, from, e, 'b/')) this.setNewName(f, chunk.toString('utf8', from, e));
    else f.path = chunk.toString('utf8', from + 2, e);
  }

  private setNewName(f: StagedFile, p: string): void {
    if (p === '/dev/null') return;
    if (!p.startsWith('b/')) throw new AkHookError('E_GIT_OUTPUT', `unexpected path prefix in git diff output: ${p}`);
    f.path = p.slice(2);
  }

  /** `index <old>..<new>[ <mode>]` (lower-case hex ids, an octal mode); anything else is ignored. */
  private setIndex(f: StagedFile, chunk: Buffer, from: number, end: number): void {
    const a = hexRun(chunk, from, end);
    if (a === from || a + 2 > end || chunk[a] !== 0x2e || chunk[a + 1] !== 0x2e) return;
    const b = hexRun(chunk, a + 2, end);
    if (b === a + 2) return;
    let mode = -1;
    if (b < end) {
      if (chunk[b] !== 0x20) return;
      let k = b + 1;
      while (k < end && chunk[k] >= 0x30 && chunk[k] <= 0x37) k++;
      if (k === b + 1 || k !== end) return;
      mode = b + 1;
    }
    if (!allZero(chunk, from, a)) f.oldOid = chunk.toString('latin1', from, a);
    if (!allZero(chunk, a + 2, b)) f.newOid = chunk.toString('latin1', a + 2, b);
    if (mode >= 0) f.kind = modeKind(chunk, mode, end);
  }

  /** `@@ -a[,b] +c[,d] @@`: how many old and new lines follow, and the first new line's number. */
  private startHunk(chunk: Buffer, start: number, end: number): void {
    // perf: read in place (no string, no regex).
    const h = hunkHeader(chunk, start, end);
    if (h === null) throw new AkHookError('E_GIT_OUTPUT', 'malformed hunk header in git diff output');
    this.oldLeft = h.old;
    this.newLeft = h.count;
    this.nextLine = h.first;
  }
}

const LF = Buffer.from('\n');

function startsWith(buf: Buffer, s: string): boolean {
  return startsAt(buf, 0, buf.length, s);
}

function startsAt(buf: Buffer, start: number, end: number, s: string): boolean {
  if (end - start < s.length) return false;
  for (let i = 0; i < s.length; i++) if (buf[start + i] !== s.charCodeAt(i)) return false;
  return true;
}

/** The end of the run of lower-case hex digits from `from`. */
function hexRun(buf: Buffer, from: number, end: number): number {
  let k = from;
  for (; k < end; k++) {
    const c = buf[k];
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66))) break;
  }
  return k;
}

function allZero(buf: Buffer, from: number, end: number): boolean {
  for (let k = from; k < end; k++) if (buf[k] !== 0x30) return false;
  return true;
}

/** The kind of a file by its mode (octal digits in [from, end)), as kindOf reads it. */
function modeKind(buf: Buffer, from: number, end: number): FileKind {
  if (end - from !== 6 || buf[from] !== 0x31) return 'file';
  for (let k = from + 2; k < end; k++) if (buf[k] !== 0x30) return 'file';
  const c = buf[from + 1];
  return c === 0x36 ? 'submodule' : c === 0x32 ? 'symlink' : 'file';
}

/** The fields of `@@ -a[,b] +c[,d] @@…`, or null when it is not that shape (or a number has over 15 digits). */
function hunkHeader(buf: Buffer, start: number, end: number): { old: number; first: number; count: number } | null {
  // '@@ -'
  if (end - start < 4 || buf[start + 3] !== 0x2d) return null;
  let k = digits(buf, start + 4, end);
  if (k === start + 4) return null;
  const old = lineCount(buf, k, end);
  if (old === null) return null;
  k = old.end;
  if (k + 2 > end || buf[k] !== 0x20 || buf[k + 1] !== 0x2b) return null;
  const d = digits(buf, k + 2, end);
  if (d === k + 2) return null;
  const first = number(buf, k + 2, d);
  const count = lineCount(buf, d, end);
  if (count === null) return null;
  k = count.end;
  // (The header's fields lie within its first 200 characters.)
  if (k + 3 > end || k + 3 - start > 200 || buf[k] !== 0x20 || buf[k + 1] !== 0x40 || buf[k + 2] !== 0x40) return null;
  return { old: old.n, first, count: count.n };
}

/** An optional `,<count>` at `k` (1 when absent), and where it ends; null for a comma without digits. */
function lineCount(buf: Buffer, k: number, end: number): { n: number; end: number } | null {
  if (k >= end || buf[k] !== 0x2c) return { n: 1, end: k };
  const d = digits(buf, k + 1, end);
  return d === k + 1 ? null : { n: number(buf, k + 1, d), end: d };
}

/** The end of the run of ASCII digits from `from`. */
function digits(buf: Buffer, from: number, end: number): number {
  let k = from;
  while (k < end && buf[k] >= 0x30 && buf[k] <= 0x39) k++;
  return k;
}

/** The decimal number in [from, end) (over 15 digits, as Number reads them: never in git's output). */
function number(buf: Buffer, from: number, end: number): number {
  if (end - from > 15) return Number(buf.toString('latin1', from, end));
  let n = 0;
  for (let k = from; k < end; k++) n = n * 10 + (buf[k] - 0x30);
  return n;
}

function kindOf(mode: Buffer): FileKind {
  const m = mode.toString('latin1').trim();
  if (m === '160000') return 'submodule';
  if (m === '120000') return 'symlink';
  return 'file';
}

/** Best-effort path from `diff --git a/X b/Y` (used only until ---/+++ or rename lines say better). */
function headerPath(buf: Buffer, from: number, end: number): string {
  if (end > from && buf[from] === 0x22) {
    // quoted: "a/..." "b/..."
    const s = buf.toString('latin1', from, end);
    const m = /^"(?:[^"\\]|\\.)*" ("(?:[^"\\]|\\.)*"|b\/.*)$/.exec(s);
    if (m) {
      const p = unquoteGitPath(Buffer.from(m[1], 'latin1'));
      return p.startsWith('b/') ? p.slice(2) : p;
    }
  }
  const s = buf.toString('utf8', from, end);
  // Unquoted and ambiguous when names contain " b/": for a same-name pair both halves are equal.
  const half = (s.length - 1) / 2;
  if (Number.isInteger(half) && s.slice(0, half).slice(2) === s.slice(half + 1).slice(2)) return s.slice(half + 3);
  const i = s.lastIndexOf(' b/');
  return i >= 0 ? s.slice(i + 3) : s;
}

export type { ChangeStatus };
