import { decodeLineText } from '../text/decode';
import type { AddedLine, StagedFile } from './types';

const STORE = Symbol('ak-hook.addedLines');

/** perf: room for 4 lines to start with (64 bytes: V8 keeps so small a typed array on its heap, no malloc). */
const INITIAL_LINES = 4;

/**
 * A file's added lines in a few typed arrays (~17 bytes a line) instead of an object per
 * line: a 50 MB file adds ~700k lines. The bytes stay in the chunks git wrote them in.
 * `file.added` still works (it builds the objects on first use); the scanner reads the
 * store directly through `addedCount`, `addedLineNumber` and `addedText`.
 */
export class AddedLineStore {
  count = 0;
  /** Bytes of the lines kept (what the file holds on to until clear()). */
  heldBytes = 0;
  /**
   * perf: per line, 4 slots of one array (one allocation per growth, not five: ~8k new files
   * each start a store): its number, start and end in its chunk, and its chunk's index times 2
   * plus 1 when the line is plain ASCII.
   */
  private rows = new Int32Array(4 * INITIAL_LINES);
  private chunks: Buffer[] = [];
  /** What a reader's BlobTap made of a new binary file's blob (see StagedChangesOptions.newBinaryTap). */
  view: object | null = null;
  /** `file.added` as objects: built on first read, or what was assigned to it (then the truth). */
  materialized: AddedLine[] | null = null;
  private viewBytes = 0;

  /** Keeps a tap's view (its bytes counted in heldBytes). */
  keepView(view: object, bytes: number): void {
    this.dropView();
    this.view = view;
    this.viewBytes = bytes;
    this.heldBytes += bytes;
  }

  dropView(): void {
    this.heldBytes -= this.viewBytes;
    this.viewBytes = 0;
    this.view = null;
  }

  push(line: number, buf: Buffer, start: number, end: number, ascii: boolean): void {
    if (4 * this.count === this.rows.length) this.grow();
    if (this.chunks[this.chunks.length - 1] !== buf) this.chunks.push(buf);
    const r = 4 * this.count++;
    this.heldBytes += end - start;
    const rows = this.rows;
    rows[r] = line;
    rows[r + 1] = start;
    rows[r + 2] = end;
    rows[r + 3] = 2 * (this.chunks.length - 1) + (ascii ? 1 : 0);
  }

  /** Keeps the first `n` lines only (a binary file's first line, for a scan that reads its blob). */
  truncate(n: number): void {
    if (n >= this.count) return;
    this.count = n;
    this.chunks.length = n === 0 ? 0 : (this.rows[4 * (n - 1) + 3] >> 1) + 1;
    let held = 0;
    for (let i = 0; i < n; i++) held += this.rows[4 * i + 2] - this.rows[4 * i + 1];
    this.heldBytes = held + this.viewBytes;
  }

  clear(): void {
    this.count = 0;
    this.heldBytes = 0;
    this.chunks = [];
    this.view = null;
    this.viewBytes = 0;
  }

  line(i: number): number {
    return this.rows[4 * i];
  }

  /** The chunk holding line `i`, and the line's byte range in it (a trailing CR included). */
  chunkOf(i: number): Buffer {
    return this.chunks[this.rows[4 * i + 3] >> 1];
  }

  startOf(i: number): number {
    return this.rows[4 * i + 1];
  }

  endOf(i: number): number {
    return this.rows[4 * i + 2];
  }

  /** True when line `i` sits in a plain-ASCII chunk without NUL. */
  isAscii(i: number): boolean {
    return (this.rows[4 * i + 3] & 1) === 1;
  }

  /** True when line `i + 1` directly follows line `i` in the same chunk (one '\n' between them). */
  adjacent(i: number): boolean {
    const r = 4 * i;
    return this.rows[r + 7] >> 1 === this.rows[r + 3] >> 1 && this.rows[r + 5] === this.rows[r + 2] + 1;
  }

  bytes(i: number): Buffer {
    return this.chunkOf(i).subarray(this.startOf(i), this.endOf(i));
  }

  /** Decoded text; plain-ASCII lines (known per chunk) are read without a Buffer view. */
  text(i: number): string {
    const r = 4 * i;
    const buf = this.chunks[this.rows[r + 3] >> 1];
    const s = this.rows[r + 1];
    const end = this.rows[r + 2];
    if ((this.rows[r + 3] & 1) !== 1) return decodeLineText(buf.subarray(s, end));
    const e = end > s && buf[end - 1] === 0x0d ? end - 1 : end;
    return buf.toString('latin1', s, e);
  }

  toArray(): AddedLine[] {
    const out: AddedLine[] = new Array(this.count);
    for (let i = 0; i < this.count; i++) out[i] = { line: this.line(i), bytes: this.bytes(i) };
    return out;
  }

  private grow(): void {
    const rows = new Int32Array(this.rows.length * 2);
    rows.set(this.rows);
    this.rows = rows;
  }
}

type Stored = StagedFile & { [STORE]: AddedLineStore };

function getAdded(this: Stored): AddedLine[] {
  const s = this[STORE];
  return (s.materialized ??= s.toArray());
}

function setAdded(this: Stored, v: AddedLine[]): void {
  const s = this[STORE];
  s.clear();
  s.materialized = v;
}

/**
 * perf: one accessor pair shared by every file (with a closure pair per file, each file got a
 * map of its own and V8 turned it into a dictionary: every read of a file's fields was a slow
 * lookup). A file made without `added` keeps fast properties (redefining a data property as an
 * accessor would make it a dictionary again).
 */
const ADDED: PropertyDescriptor = { enumerable: true, configurable: true, get: getAdded, set: setAdded };

/** Gives `file` a store behind its `added` property (objects are built only if someone reads it). */
export function attachStore(file: StagedFile): AddedLineStore {
  const store = new AddedLineStore();
  Object.defineProperty(file, STORE, { value: store, enumerable: false });
  Object.defineProperty(file, 'added', ADDED);
  return store;
}

/** The store behind `file.added`, while it is the truth (for scanners that read bytes directly). */
export function addedStore(file: StagedFile): AddedLineStore | undefined {
  return storeOf(file);
}

function storeOf(file: StagedFile): AddedLineStore | undefined {
  const s = (file as unknown as Record<symbol, AddedLineStore | undefined>)[STORE];
  // Once someone replaced `added`, the array is the truth.
  return s && s.count > 0 ? s : undefined;
}

/** What a reader's BlobTap made of a new binary file's blob, or null. */
export function heldView(file: StagedFile): object | null {
  return storeOf(file)?.view ?? null;
}

/** Lets go of a file's held view (once read, it need not wait for the file's lines to go). */
export function dropHeldView(file: StagedFile): void {
  storeOf(file)?.dropView();
}

/** Bytes of added lines a file holds (0 when they are not in a store). */
export function addedBytes(file: StagedFile): number {
  return storeOf(file)?.heldBytes ?? 0;
}

export function addedCount(file: StagedFile): number {
  return storeOf(file)?.count ?? file.added.length;
}

export function addedLineNumber(file: StagedFile, i: number): number {
  const s = storeOf(file);
  return s ? s.line(i) : file.added[i].line;
}

export function addedText(file: StagedFile, i: number): string {
  const s = storeOf(file);
  return s ? s.text(i) : decodeLineText(file.added[i].bytes);
}
