import type { StagedChanges, StagedFile } from './types';

export interface StagedChangesOptions {
  /** Work-tree root; git runs there. */
  root: string;
  /** Environment, including GIT_INDEX_FILE / GIT_DIR when git set them for the hook. */
  env: NodeJS.ProcessEnv;
  /** A file adding more bytes than this keeps no lines and is marked `tooLarge` (bounded memory). */
  maxFileBytes?: number;
  /** A file with a NUL (binary) keeps only its first added line: for a scan, which reads a binary file's blob. */
  firstBinaryLine?: boolean;
  /**
   * A new file with a NUL is also read by the tap this gives for its object id (null: none): what
   * the tap makes of the blob is kept with the file (`heldView`), so a scan need not read it again.
   */
  newBinaryTap?: (oid: string) => BlobTap | null;
  /**
   * True when a new file with this blob need not be read: the scan of an earlier new file with
   * the same blob stands for it (path-independent and clean; see FileScanner.cleanNewBlob). Such a
   * file is handed over without lines and marked `sameBlob`. Asked as the reader reaches the file.
   */
  scannedBlob?: (oid: string) => boolean;
}

/**
 * Takes a new binary file's blob as its reader reads it (its bytes in order, cut anywhere), so
 * git inflates it once and it need not be held whole.
 */
export interface BlobTap {
  write(buf: Buffer, start: number, end: number): void;
  /** All of it was written: what the file keeps, and the bytes of memory that holds. */
  end(): { view: object; bytes: number };
  /** What was written was not that blob (a working-tree file that differs): forget it; the blob may be tapped again. */
  drop?(): void;
}

export interface Blob {
  oid: string;
  data: Buffer;
}

/** Reads objects by id, or index entries by `:path`, on demand; close() when done. */
export interface BlobSource {
  read(spec: string): Promise<Blob | null>;
  /** Like read(oid), for the blob staged at `path` (a source may read it from the working tree when it is that blob). */
  readAt?(oid: string, path: string): Promise<Blob | null>;
  close(): void;
}

/** Where a streaming reader hands each file over, once all its added lines are read. */
export interface FileSink {
  /** `part`: which of several readers working at once (their files are merged in path order at the end). */
  add(file: StagedFile, part?: number): void;
  /** Null when the sink takes more now; else resolves when it does (the reader pauses git until then). */
  wait(): Promise<void> | null;
}

export interface StreamOptions extends StagedChangesOptions {
  /** Aborting stops every git process of the reader; the promise then rejects. */
  signal?: AbortSignal;
}

/** How the streamed files are ordered: as git printed them, or by path bytes (merge parts at the end). */
export interface StreamedOrder {
  order: 'git' | 'path';
}

/** The one small interface every way of reading git implements. */
export interface GitBackend {
  readonly name: string;
  /** The lines the commit adds: the index (GIT_INDEX_FILE honoured) against HEAD's tree. */
  stagedChanges(opts: StagedChangesOptions): Promise<StagedChanges>;
  openBlobReader(opts: StagedChangesOptions): BlobSource;
  /** Like stagedChanges(), but each file goes to `sink` as soon as it is read (optional: a backend may return a whole list). */
  streamStagedChanges?(opts: StreamOptions, sink: FileSink): Promise<StreamedOrder>;
}
