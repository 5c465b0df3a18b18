import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { textError } from '../report/messages/text-error';

/**
 * Replaces a file in the working tree through a temporary file beside it. A failure (a
 * read-only file or folder, a full disk) removes the temporary file, so no stray
 * `*.tmp` is left for `git add -A` to pick up, and is reported as E_WRITE_FAILED.
 */
export function replaceFile(abs: string, text: string, shown: string): void {
  const tmp = `${abs}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, abs);
  } catch (e) {
    rmSync(tmp, { force: true });
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw textError('E_WRITE_FAILED', 'cannotWrite', { file: shown, why }, { file: shown });
  }
}
