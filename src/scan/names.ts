import { AkHookError } from '../errors';
import type { BlobSource } from '../git/backend';
import type { StagedFile } from '../git/types';

/**
 * What a commit adds besides file content, as files the scanner reads like any other:
 * the paths it adds (new files, rename and copy targets, of any kind) and the targets of the
 * symbolic links it adds or changes (a link's blob is its target).
 */

/** True when the commit adds `f.path` as a name (a new entry, or a rename or copy to it). */
export function addsName(f: StagedFile): boolean {
  return f.status === 'added' || f.status === 'renamed' || f.status === 'copied';
}

/**
 * The added paths as one pseudo file: line i + 1 is the i-th path. Findings map back with
 * `paths[line - 1]`; their line in the report is 0 (the name, not a line of the file).
 */
export function pathsFile(files: readonly StagedFile[]): { file: StagedFile; paths: StagedFile[] } {
  const named = files.filter(addsName);
  const file: StagedFile = {
    path: '',
    status: 'added',
    kind: 'file',
    binary: false,
    added: named.map((f, i) => ({ line: i + 1, bytes: Buffer.from(f.path, 'utf8') })),
  };
  return { file, paths: named };
}

/** True when a symbolic link's target is new in this commit. */
export function addsLinkTarget(f: StagedFile): boolean {
  return f.kind === 'symlink' && f.status !== 'deleted' && f.newOid !== undefined && f.newOid !== f.oldOid;
}

/** A symbolic link read as a one-line file holding its target (line 1). */
export async function linkTargetFile(f: StagedFile, blobs: () => BlobSource): Promise<StagedFile> {
  const b = await blobs().read(f.newOid!);
  if (!b) throw new AkHookError('E_GIT_FAILED', `missing object ${f.newOid} (${f.path})`);
  return {
    path: f.path,
    status: 'added',
    kind: 'file',
    newOid: f.newOid,
    binary: b.data.includes(0),
    added: [{ line: 1, bytes: b.data }],
  };
}
