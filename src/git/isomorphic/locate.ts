import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { AkHookError } from '../../errors';

export interface GitLayout {
  /** The repository's (or worktree's) own git dir: HEAD and the default index live here. */
  gitdir: string;
  /** Where objects and shared refs live: the main git dir of a linked worktree. */
  commondir: string;
  /** The index to read: GIT_INDEX_FILE when set (relative to the work tree), else <gitdir>/index. */
  indexFile: string;
}

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/**
 * Finds the files git itself would read, without running git: GIT_DIR or the work tree's
 * `.git` (a folder, or a `gitdir:` file for worktrees and submodules), the common dir of a
 * linked worktree, and GIT_INDEX_FILE. Settings it cannot honour are errors.
 */
export function locateGit(root: string, env: NodeJS.ProcessEnv): GitLayout {
  for (const v of ['GIT_OBJECT_DIRECTORY', 'GIT_ALTERNATE_OBJECT_DIRECTORIES', 'GIT_COMMON_DIR']) {
    if (env[v]) throw new AkHookError('E_GIT_UNSUPPORTED', `the isomorphic-git backend does not support ${v}: use the native git backend`);
  }
  let gitdir = env.GIT_DIR ? path.resolve(root, env.GIT_DIR) : path.join(root, '.git');
  const st = statSync(gitdir, { throwIfNoEntry: false });
  if (!st) throw new AkHookError('E_NOT_A_REPO', `not a git repository: ${root}`);
  if (st.isFile()) {
    const m = /^gitdir: (.+?)\r?\n?$/.exec(readText(gitdir) ?? '');
    if (!m) throw new AkHookError('E_GIT_FAILED', `cannot read ${gitdir}: not a "gitdir:" file`);
    gitdir = path.resolve(path.dirname(gitdir), m[1]);
  }
  const common = readText(path.join(gitdir, 'commondir'));
  const commondir = common ? path.resolve(gitdir, common.trim()) : gitdir;
  const config = readText(path.join(commondir, 'config')) ?? '';
  if (/^\s*objectformat\s*=\s*sha256\b/im.test(config)) {
    throw new AkHookError('E_GIT_UNSUPPORTED', 'the isomorphic-git backend cannot read SHA-256 repositories: use the native git backend');
  }
  const indexFile = env.GIT_INDEX_FILE ? path.resolve(root, env.GIT_INDEX_FILE) : path.join(gitdir, 'index');
  return { gitdir, commondir, indexFile };
}
