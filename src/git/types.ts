/** What the commit adds to one path: the shape every git backend returns. */
export type FileKind = 'file' | 'symlink' | 'submodule';
export type ChangeStatus = 'added' | 'modified' | 'renamed' | 'copied' | 'deleted';

export interface AddedLine {
  /** 1-based line number in the staged (new) version of the file. */
  line: number;
  /** Raw bytes of the line, without the trailing newline (a trailing CR is kept here). */
  bytes: Buffer;
}

export interface StagedFile {
  /** Repository-relative path with forward slashes, as real UTF-8. */
  path: string;
  /** Previous path for renames and copies. */
  oldPath?: string;
  status: ChangeStatus;
  kind: FileKind;
  /** Full object id of the staged blob (absent for deletions). */
  newOid?: string;
  /** Full object id of the blob in HEAD (absent for additions). */
  oldOid?: string;
  /** True when an added line holds a NUL byte: the file is binary (or UTF-16). */
  binary: boolean;
  added: AddedLine[];
  /** It adds more than the size limit: its lines were not kept (not scanned; reported as skipped). */
  tooLarge?: boolean;
  /**
   * A new file whose blob was not read (no lines): an earlier new file of this commit with the
   * same blob was scanned and found nothing (StagedChangesOptions.scannedBlob); the scanner
   * counts that scan for it.
   */
  sameBlob?: true;
}

export interface StagedChanges {
  files: StagedFile[];
}
