import { readFileSync, realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { runGit } from './run';

/**
 * Finds the work-tree root. The hot path avoids spawning git: GIT_WORK_TREE, or the
 * nearest ancestor holding a `.git` entry (a directory, or a file for worktrees and
 * submodules). Anything unusual (GIT_DIR without a work tree, bare layouts) asks git.
 */
export async function findRepoRoot(cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  const root = repoRootWithoutGit(cwd, env);
  if (root !== null) return root;
  const out = await runGit(['rev-parse', '--show-toplevel'], { cwd, env });
  return out.toString('utf8').trim();
}

/** findRepoRoot's answer when it needs no git (synchronous), else null. */
export function repoRootWithoutGit(cwd: string, env: NodeJS.ProcessEnv): string | null {
  if (env.GIT_WORK_TREE) return path.resolve(cwd, env.GIT_WORK_TREE);
  if (env.GIT_DIR) return hookRoot(cwd, env);
  let dir = path.resolve(cwd);
  for (;;) {
    try {
      statSync(path.join(dir, '.git'));
      return dir;
    } catch {
      const up = path.dirname(dir);
      if (up === dir) return null;
      dir = up;
    }
  }
}

/**
 * With GIT_DIR set (git sets it for the hooks of a linked worktree) and no work tree named,
 * git takes the current folder as the top of the work tree unless the repository's config
 * names one (core.worktree). So: the current folder, when its own `.git` names that very
 * GIT_DIR and no config file git reads for it could move the work tree (a `worktree =` line,
 * an include, a bare repository, or such config in the environment); otherwise null (ask git).
 */
function hookRoot(cwd: string, env: NodeJS.ProcessEnv): string | null {
  const dir = path.resolve(cwd);
  const gitDir = path.resolve(dir, env.GIT_DIR!);
  const named = gitDirNamedAt(dir);
  if (named === null || !samePath(named, gitDir)) return null;
  if (env.GIT_CONFIG_COUNT || /worktree|bare|include/i.test(env.GIT_CONFIG_PARAMETERS ?? '')) return null;
  const common = readText(path.join(gitDir, 'commondir'));
  const files = [path.join(gitDir, 'config'), path.join(gitDir, 'config.worktree')];
  if (common !== null) files.push(path.join(path.resolve(gitDir, common.trim()), 'config'));
  const moves = /^\s*worktree\s*=|^\s*bare\s*(=\s*(true|yes|on|1)\s*)?$|\[\s*include/im;
  for (const f of files) if (moves.test(readText(f) ?? '')) return null;
  return dir;
}

/** The git folder `<dir>/.git` stands for (itself, or what its `gitdir:` line names), or null. */
function gitDirNamedAt(dir: string): string | null {
  const dotGit = path.join(dir, '.git');
  const st = statSync(dotGit, { throwIfNoEntry: false });
  if (!st) return null;
  if (st.isDirectory()) return dotGit;
  const m = /^gitdir: (.+)$/m.exec(readText(dotGit) ?? '');
  return m ? path.resolve(dir, m[1].trim()) : null;
}

function samePath(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}

/**
 * The git directory shared by all worktrees (`git rev-parse --git-common-dir`, absolute), read
 * from the files git itself reads: GIT_DIR, or `<root>/.git` (a directory, or a file naming
 * one: a linked worktree or a submodule), then that directory's `commondir`. Anything else
 * (GIT_COMMON_DIR set, no `.git` at the root, an unreadable file) asks git.
 */
export async function gitCommonDir(root: string, env: NodeJS.ProcessEnv): Promise<string> {
  const found = env.GIT_COMMON_DIR ? null : commonDirFromFiles(root, env);
  if (found) return found;
  const out = await runGit(['rev-parse', '--git-common-dir'], { cwd: root, env });
  return path.resolve(root, out.toString('utf8').trim());
}

/**
 * Where git keeps its objects, read from git's own files (no git process): GIT_OBJECT_DIRECTORY,
 * else `objects` in the common git directory; null when only git can say (GIT_COMMON_DIR set …).
 */
export function objectsDirWithoutGit(root: string, env: NodeJS.ProcessEnv): string | null {
  if (env.GIT_OBJECT_DIRECTORY) return path.resolve(root, env.GIT_OBJECT_DIRECTORY);
  const common = env.GIT_COMMON_DIR ? null : commonDirFromFiles(root, env);
  return common === null ? null : path.join(common, 'objects');
}

function commonDirFromFiles(root: string, env: NodeJS.ProcessEnv): string | null {
  let gitDir: string;
  if (env.GIT_DIR) gitDir = path.resolve(root, env.GIT_DIR);
  else {
    const named = gitDirNamedAt(root);
    if (named === null) return null;
    gitDir = named;
  }
  if (!statSync(path.join(gitDir, 'HEAD'), { throwIfNoEntry: false })) return null;
  const common = readText(path.join(gitDir, 'commondir'));
  return common === null ? gitDir : path.resolve(gitDir, common.trim());
}

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}
