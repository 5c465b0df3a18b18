import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { textError } from '../report/messages/text-error';
import type { BlobSource } from '../git/backend';

export interface RepoFile {
  text: string;
  /** Where the text came from: the index (what the commit will contain) or the working tree. */
  source: 'index' | 'disk';
  /** The file's text on disk (differs from `text` when the file is half-staged). */
  disk: string;
  abs: string;
}

/**
 * Reads a file at the repository root the way the commit will see it: from the index when
 * it is staged (a half-staged file does not apply its unstaged edits), else from disk — unless
 * the commit deletes it from the index, in which case it is absent.
 * Disk is looked at first only to avoid starting git when the file does not exist at all.
 */
export async function readRepoFile(
  root: string,
  name: string,
  blobs: () => BlobSource,
  wanted?: (text: string) => boolean,
): Promise<RepoFile | null> {
  const abs = path.join(root, name);
  if (!existsSync(abs)) return null;
  const disk = readDiskText(abs, name);
  if (wanted && !wanted(disk)) return null;
  const staged = await blobs().read(`:${name}`);
  if (staged) {
    const text = stripBom(staged.data.toString('utf8'));
    if (wanted && !wanted(text)) return null;
    return { text, source: 'index', disk, abs };
  }
  // Not in the index but in HEAD: the commit deletes it (git rm --cached), so it does not apply.
  if (await blobs().read(`HEAD:${name}`)) return null;
  return { text: disk, source: 'disk', disk, abs };
}

/**
 * A config or baseline file's text on disk. A file that exists but cannot be read (a folder of
 * that name, no permission, an I/O error) is E_CONFIG_PARSE naming it: never a crash.
 */
export function readDiskText(abs: string, shown: string): string {
  try {
    return stripBom(readFileSync(abs, 'utf8'));
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw textError('E_CONFIG_PARSE', 'cannotRead', { file: shown, why }, { file: shown });
  }
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
