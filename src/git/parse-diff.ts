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
  readonly files: StagedFile[] = [];
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
   * Added lines inside a hunk are kept without creating a Buffer; everything else goes to line().
   */
  lineAt(chunk: Buffer, start: number, end: number, clean: boolean): void {
    const f = this.cur;
    if (f && this.newLeft > 0 && chunk[start] === 0x2b /* + */ && end > start) {
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
      return;
    }
    this.line(chunk.subarray(start, end));
  }

  line(buf: Buffer): void {
    const f = this.cur;
    if (f && (this.oldLeft > 0 || this.newLeft > 0)) {
      this.hunkLine(f, buf);
      return;
    }
    // "\ No newline at end of file" after a hunk's last line: a new file's last line has no LF.
    if (f && buf[0] === 0x5c) {
      this.tapLf = false;
      return;
    }
    if (startsWith(buf, 'diff --git ')) {
      this.startFile(buf);
      return;
    }
    if (!f) {
      if (buf.length === 0) return;
      throw new AkHookError('E_GIT_OUTPUT', 'unexpected git diff output before the first file header');
    }
    if (startsWith(buf, '@@ ')) this.startHunk(buf);
    else if (startsWith(buf, '+++ ')) this.setNewPath(f, buf.subarray(4));
    else if (startsWith(buf, '--- ')) return;
    else if (startsWith(buf, 'new file mode ')) {
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
    else if (startsWith(buf, 'index ')) this.setIndex(f, buf.subarray(6).toString('latin1'));
    // 'old mode', 'similarity index', 'dissimilarity index', 'Binary files': nothing to keep.
  }

  /** Ends parsing; throws when the output stopped inside a hunk. */
  finish(): StagedFile[] {
    if (this.oldLeft > 0 || this.newLeft > 0) {
      throw new AkHookError('E_GIT_OUTPUT', 'git diff output ended inside a hunk');
    }
    if (this.cur) this.fileDone(this.cur);
    this.cur = null;
    return this.files;
  }

  private startFile(buf: Buffer): void {
    const f: StagedFile = { path: headerPath(buf.subarray(11)), status: 'modified', kind: 'file', binary: false, added: [] };
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

  private setNewPath(f: StagedFile, raw: Buffer): void {
    let r = raw;
    // git appends a TAB to ---/+++ names that contain a space.
    if (r.length > 0 && r[r.length - 1] === 0x09) r = r.subarray(0, r.length - 1);
    const p = unquoteGitPath(r);
    if (p === '/dev/null') return;
    if (!p.startsWith('b/')) throw new AkHookError('E_GIT_OUTPUT', `unexpected path prefix in git diff output: ${p}`);
    f.path = p.slice(2);
  }

  private setIndex(f: StagedFile, rest: string): void {
    const m = /^([0-9a-f]+)\.\.([0-9a-f]+)(?: ([0-7]+))?$/.exec(rest);
    if (!m) return;
    if (!/^0+$/.test(m[1])) f.oldOid = m[1];
    if (!/^0+$/.test(m[2])) f.newOid = m[2];
    if (m[3]) f.kind = kindOf(Buffer.from(m[3], 'latin1'));
  }

  private startHunk(buf: Buffer): void {
    const m = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(buf.toString('latin1', 0, Math.min(buf.length, 200)));
    if (!m) throw new AkHookError('E_GIT_OUTPUT', 'malformed hunk header in git diff output');
    this.oldLeft = m[1] === undefined ? 1 : Number(m[1]);
    this.newLeft = m[3] === undefined ? 1 : Number(m[3]);
    this.nextLine = Number(m[2]);
  }

  private hunkLine(f: StagedFile, buf: Buffer): void {
    const c = buf[0];
    if (c === 0x2b /* + */) {
      const bytes = buf.subarray(1);
      this.newLeft--;
      if (f.tooLarge) {
        this.nextLine++;
        return;
      }
      this.addedBytes += buf.length;
      if (this.opts.maxFileBytes !== undefined && this.addedBytes > this.opts.maxFileBytes) {
        f.tooLarge = true;
        f.added = [];
        this.tap = null;
        this.nextLine++;
        return;
      }
      if (!f.binary && bytes.includes(0)) this.becameBinary(f);
      if (this.tap) this.toTap(bytes, 0, bytes.length);
      if (f.binary && this.opts.firstBinaryLine && this.store!.count > 0) {
        this.nextLine++;
        return;
      }
      this.store!.push(this.nextLine++, bytes, 0, bytes.length, false);
    } else if (c === 0x2d /* - */) this.oldLeft--;
    else if (c === 0x20 /* context */) {
      this.oldLeft--;
      this.newLeft--;
      this.nextLine++;
    } else if (c === 0x5c /* \ No newline at end of file */) return;
    else throw new AkHookError('E_GIT_OUTPUT', 'malformed hunk line in git diff output');
  }
}

const LF = Buffer.from('\n');

function startsWith(buf: Buffer, s: string): boolean {
  if (buf.length < s.length) return false;
  for (let i = 0; i < s.length; i++) if (buf[i] !== s.charCodeAt(i)) return false;
  return true;
}

function kindOf(mode: Buffer): FileKind {
  const m = mode.toString('latin1').trim();
  if (m === '160000') return 'submodule';
  if (m === '120000') return 'symlink';
  return 'file';
}

/** Best-effort path from `diff --git a/X b/Y` (used only until ---/+++ or rename lines say better). */
function headerPath(rest: Buffer): string {
  if (rest[0] === 0x22) {
    // quoted: "a/..." "b/..."
    const s = rest.toString('latin1');
    const m = /^"(?:[^"\\]|\\.)*" ("(?:[^"\\]|\\.)*"|b\/.*)$/.exec(s);
    if (m) {
      const p = unquoteGitPath(Buffer.from(m[1], 'latin1'));
      return p.startsWith('b/') ? p.slice(2) : p;
    }
  }
  const s = rest.toString('utf8');
  // Unquoted and ambiguous when names contain " b/": for a same-name pair both halves are equal.
  const half = (s.length - 1) / 2;
  if (Number.isInteger(half) && s.slice(0, half).slice(2) === s.slice(half + 1).slice(2)) return s.slice(half + 3);
  const i = s.lastIndexOf(' b/');
  return i >= 0 ? s.slice(i + 3) : s;
}

export type { ChangeStatus };
