import { realpathSync } from 'node:fs';
import * as path from 'node:path';
import { AkHookError } from '../errors';
import type { StagedFile } from './types';

function real(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    // The path may be gone from disk (a staged deletion): resolve its folder instead.
    const dir = path.dirname(p);
    return dir === p ? p : path.join(real(dir), path.basename(p));
  }
}

/**
 * Keeps the staged files named on the command line (absolute, as lint-staged passes them,
 * or relative to cwd); a folder selects everything below it.
 */
export function selectPaths(files: StagedFile[], args: readonly string[], cwd: string, root: string): StagedFile[] {
  return files.filter(pathSelector(args, cwd, root));
}

/** The test selectPaths() applies, for files that arrive one at a time. */
export function pathSelector(args: readonly string[], cwd: string, root: string): (f: StagedFile) => boolean {
  const realRoot = real(root);
  const wanted = args.map((a) => {
    const rel = path
      .relative(realRoot, real(path.resolve(cwd, a)))
      .split(path.sep)
      .join('/');
    if (rel.startsWith('../') || rel === '..' || path.isAbsolute(rel)) {
      throw new AkHookError('E_PATH_OUTSIDE_REPO', `${a} is outside the repository`, {
        path: a,
        text: { id: 'outsideRepo', args: { path: a } },
      });
    }
    return rel;
  });
  return (f) => wanted.some((w) => w === '' || f.path === w || f.path.startsWith(w + '/'));
}
