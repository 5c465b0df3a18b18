import type { StagedChanges } from './types';

export interface StagedChangesOptions {
  /** Work-tree root; git runs there. */
  root: string;
  /** Environment, including GIT_INDEX_FILE / GIT_DIR when git set them for the hook. */
  env: NodeJS.ProcessEnv;
  /** A file adding more bytes than this keeps no lines and is marked `tooLarge` (bounded memory). */
  maxFileBytes?: number;
}

export interface Blob {
  oid: string;
  data: Buffer;
}

/** Reads objects by id, or index entries by `:path`, on demand; close() when done. */
export interface BlobSource {
  read(spec: string): Promise<Blob | null>;
  close(): void;
}

/** The one small interface every way of reading git implements. */
export interface GitBackend {
  readonly name: string;
  /** The lines the commit adds: the index (GIT_INDEX_FILE honoured) against HEAD's tree. */
  stagedChanges(opts: StagedChangesOptions): Promise<StagedChanges>;
  openBlobReader(opts: StagedChangesOptions): BlobSource;
}
