import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

/** Runs git (read-only queries); undefined when it fails. */
export function git(args: string[], cwd: string, env: NodeJS.ProcessEnv): string | undefined {
  const r = spawnSync('git', args, { cwd, env, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.replace(/\n$/, '') : undefined;
}

export interface HooksLocation {
  /** core.hooksPath as set, and the config scope it comes from (local, global, system, worktree, command). */
  hooksPath?: string;
  scope?: string;
  /** The folder git runs hooks from (absolute). */
  dir: string;
  /** Relative to the root when inside it (for messages and commands). */
  shown: string;
  /** husky 9's layout: core.hooksPath .husky/_ */
  husky: boolean;
}

export function hooksLocation(root: string, env: NodeJS.ProcessEnv): HooksLocation {
  const scoped = git(['config', '--show-scope', '--get', 'core.hooksPath'], root, env);
  const [scope, hooksPath] = scoped ? [scoped.split('\t')[0], scoped.split('\t').slice(1).join('\t')] : [undefined, undefined];
  const dir = path.resolve(root, git(['rev-parse', '--git-path', 'hooks'], root, env) ?? '.git/hooks');
  const rel = path.relative(root, dir);
  const shown = rel.startsWith('..') || path.isAbsolute(rel) ? dir : rel.split(path.sep).join('/');
  return { hooksPath, scope, dir, shown, husky: hooksPath !== undefined && /^(\.\/)?\.husky\/_\/?$/.test(hooksPath) };
}

export function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

export function readText(file: string): string | undefined {
  try {
    return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

export function isSparse(root: string, env: NodeJS.ProcessEnv): boolean {
  return git(['config', '--bool', '--get', 'core.sparseCheckout'], root, env) === 'true';
}

/** A file of the ak-hook package that runs (hooks/pre-push), found upward from this module. */
export function packageFile(rel: string): string | undefined {
  let dir = __dirname;
  for (let i = 0; i < 4; i++) {
    const f = path.join(dir, rel);
    if (existsSync(f) && existsSync(path.join(dir, 'package.json'))) return f;
    dir = path.dirname(dir);
  }
  return undefined;
}
