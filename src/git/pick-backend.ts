import { statSync } from 'node:fs';
import * as path from 'node:path';
import { AkHookError } from '../errors';
import type { GitBackend } from './backend';
import { isomorphicBackend } from './isomorphic/backend';
import { nativeBackend } from './native';

export type GitBackendName = 'native' | 'isomorphic' | 'auto';

/** True when an executable `git` is on PATH (looked up without spawning anything). */
export function gitOnPath(env: NodeJS.ProcessEnv): boolean {
  const exts = process.platform === 'win32' ? (env.PATHEXT ?? '.EXE').split(';') : [''];
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    for (const ext of exts) {
      const st = statSync(path.join(dir, 'git' + ext), { throwIfNoEntry: false });
      if (st && st.isFile() && (process.platform === 'win32' || (st.mode & 0o111) !== 0)) return true;
    }
  }
  return false;
}

/** `auto` (the default): the native git binary when there is one, else isomorphic-git. */
export function pickBackend(name: string | undefined, env: NodeJS.ProcessEnv): GitBackend {
  if (name === undefined || name === 'auto') return gitOnPath(env) ? nativeBackend() : isomorphicBackend();
  if (name === 'native') return nativeBackend();
  if (name === 'isomorphic') return isomorphicBackend();
  throw new AkHookError('E_USAGE', `--git-backend must be native, isomorphic or auto, got "${name}"`, {
    text: { id: 'badBackend', args: { value: name } },
  });
}
