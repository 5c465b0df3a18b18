import { statSync } from 'node:fs';
import * as path from 'node:path';
import { runGit } from './run';

/**
 * Finds the work-tree root. The hot path avoids spawning git: GIT_WORK_TREE, or the
 * nearest ancestor holding a `.git` entry (a directory, or a file for worktrees and
 * submodules). Anything unusual (GIT_DIR without a work tree, bare layouts) asks git.
 */
export async function findRepoRoot(cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  if (env.GIT_WORK_TREE) return path.resolve(cwd, env.GIT_WORK_TREE);
  if (!env.GIT_DIR) {
    let dir = path.resolve(cwd);
    for (;;) {
      try {
        statSync(path.join(dir, '.git'));
        return dir;
      } catch {
        const up = path.dirname(dir);
        if (up === dir) break;
        dir = up;
      }
    }
  }
  const out = await runGit(['rev-parse', '--show-toplevel'], { cwd, env });
  return out.toString('utf8').trim();
}
