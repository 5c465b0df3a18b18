import { attachStore, type AddedLineStore } from './added-lines';
import type { BlobTap, StreamOptions } from './backend';
import { RangeSplitter } from './range-splitter';
import type { FileKind, StagedFile } from './types';

/** A `:000000 <mode> 0…0 <oid> A` record of a new file. */
export interface Addition {
  path: string;
  mode: string;
  oid: string;
}

export function kindOf(mode: string): FileKind {
  if (mode === '160000') return 'submodule';
  if (mode === '120000') return 'symlink';
  return 'file';
}

/**
 * A new file's lines, made from its blob's bytes as they are read (from `git cat-file` or from
 * the working tree; pieces cut anywhere), split into lines as git writes them: every line is
 * added; a file with a NUL is binary and keeps its first line only (`firstBinaryLine`), its
 * bytes going to the reader's tap. The pieces are kept as they are (no copy into one buffer).
 */
export class NewFileLines {
  readonly file: StagedFile;
  private readonly store: AddedLineStore | null;
  private readonly splitter: RangeSplitter;
  private readonly firstOnly: boolean;
  private line = 1;
  private nul = false;
  /** Until a NUL shows (then they go to the tap, and the rest as it comes), the pieces read. */
  private pieces: Buffer[] | null;
  private tap: BlobTap | null = null;
  /** Bytes pushed, and the last one (-1: none yet). */
  private size = 0;
  private last = -1;

  constructor(
    add: Addition,
    private readonly opts: Pick<StreamOptions, 'firstBinaryLine' | 'newBinaryTap'>,
  ) {
    // perf: `added` is defined by attachStore after the other fields (see there): the file keeps fast properties.
    this.file = { path: add.path, status: 'added', kind: kindOf(add.mode), newOid: add.oid, binary: false } as StagedFile;
    this.store = this.file.kind === 'file' ? attachStore(this.file) : null;
    if (!this.store) this.file.added = [];
    this.firstOnly = opts.firstBinaryLine === true;
    this.pieces = opts.newBinaryTap ? [] : null;
    this.splitter = new RangeSplitter((buf, start, end, clean) => {
      if (this.nul && this.firstOnly && this.store!.count > 0) this.line++;
      else this.store!.push(this.line++, buf, start, end, clean);
    });
  }

  /** Whether the file has content to read (a symlink's or a submodule's blob adds no lines). */
  get readsContent(): boolean {
    return this.store !== null;
  }

  /** Takes the next piece; true when nothing of it was kept (the tap copies what it keeps): the reader may reuse it. */
  push(piece: Buffer): boolean {
    if (piece.length === 0) return true;
    this.size += piece.length;
    this.last = piece[piece.length - 1];
    if (this.tap) this.tap.write(piece, 0, piece.length);
    else this.pieces?.push(piece);
    // perf: once a binary blob's first line is kept, the rest is not split into lines (none is kept).
    if (this.nul && this.firstOnly && this.store!.count > 0) return true;
    if (!this.nul && piece.includes(0)) {
      this.nul = true;
      this.tap = this.pieces && this.opts.newBinaryTap!(this.file.newOid!);
      if (this.tap) for (const p of this.pieces!) this.tap.write(p, 0, p.length);
      this.pieces = null;
      // Only the first line stays (as the patch reader keeps it), wherever the pieces were cut.
      if (this.firstOnly) this.store!.truncate(1);
    }
    this.splitter.push(piece);
    return false;
  }

  /**
   * Every byte was pushed. Over `max` as the patch reader counts (each line with its `+`, without
   * its LF: one more than the blob when the last line has no LF), the file keeps no lines.
   */
  finish(max = Infinity): StagedFile {
    if (!this.store) return this.file;
    if (this.size + (this.last >= 0 && this.last !== 0x0a ? 1 : 0) > max) {
      this.abandon();
      return this.tooLarge();
    }
    this.splitter.end();
    this.file.binary = this.nul;
    if (this.tap) {
      const { view, bytes } = this.tap.end();
      this.store.keepView(view, bytes);
    }
    return this.file;
  }

  /** The bytes pushed were not the blob (a working-tree file that differs): its tap, if any, forgets them. */
  abandon(): void {
    this.tap?.drop?.();
    this.tap = null;
  }

  /** The blob is larger than the limit: no lines are kept. */
  tooLarge(): StagedFile {
    this.file.tooLarge = true;
    this.file.added = [];
    return this.file;
  }
}
