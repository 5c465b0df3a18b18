import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { AkHookError } from '../errors';
import { readJsonFile, type Json, type JsonFile } from './package-json';
import { parseErrorMessage } from '../config/parse-error';

/** Where lint-staged's config lives: a JSON file init can edit, or another format it leaves to the user. */
export type LintStagedConfig =
  { file: string; editable: true; config: () => { json: JsonFile; obj: Json } } | { file: string; editable: false };

export interface Project {
  /** Work-tree root (where package.json must be). */
  root: string;
  pkg: JsonFile;
  /** git config core.hooksPath, as set (relative to the root when relative). */
  hooksPath?: string;
  /** The folder git runs hooks from (`git rev-parse --git-path hooks`), relative to root when inside it. */
  hooksDir: string;
  huskyInstalled: boolean;
  lintStaged: LintStagedConfig | null;
}

const LINT_STAGED_FILES = [
  '.lintstagedrc.json',
  '.lintstagedrc',
  '.lintstagedrc.yaml',
  '.lintstagedrc.yml',
  '.lintstagedrc.mjs',
  '.lintstagedrc.cjs',
  '.lintstagedrc.js',
  'lint-staged.config.js',
  'lint-staged.config.mjs',
  'lint-staged.config.cjs',
  'lint-staged.config.ts',
];

/** Runs git for set-up (outside a hook: plain, not hardened); undefined when it fails. */
export function gitOut(args: string[], cwd: string, env: NodeJS.ProcessEnv): string | undefined {
  const r = spawnSync('git', args, { cwd, env, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/** Reads what init needs to know; null when there is no package.json at the repository root. */
export function readProject(cwd: string, env: NodeJS.ProcessEnv): Project | null {
  const root = gitOut(['rev-parse', '--show-toplevel'], cwd, env);
  if (root === undefined)
    throw new AkHookError('E_NOT_A_REPO', `${cwd} is not inside a git work tree`, { text: { id: 'notARepo', args: { dir: cwd } } });
  const pkgFile = path.join(root, 'package.json');
  if (!existsSync(pkgFile)) return null;
  let pkg: JsonFile;
  try {
    pkg = readJsonFile(pkgFile);
  } catch (e) {
    throw new AkHookError('E_CONFIG_PARSE', `package.json is not valid JSON: ${parseErrorMessage(e)}`, { file: 'package.json' });
  }
  const hooksPath = gitOut(['config', '--get', 'core.hooksPath'], root, env) || undefined;
  const hooksAbs = path.resolve(root, gitOut(['rev-parse', '--git-path', 'hooks'], root, env) ?? '.git/hooks');
  const rel = path.relative(root, hooksAbs);
  const hooksDir = rel.startsWith('..') || path.isAbsolute(rel) ? hooksAbs : rel.split(path.sep).join('/');
  return {
    root,
    pkg,
    hooksPath,
    hooksDir,
    huskyInstalled: existsSync(path.join(root, 'node_modules/husky/package.json')),
    lintStaged: findLintStaged(root, pkg),
  };
}

function findLintStaged(root: string, pkg: JsonFile): LintStagedConfig | null {
  const inPkg = pkg.data['lint-staged'];
  if (inPkg && typeof inPkg === 'object' && !Array.isArray(inPkg))
    return { file: 'package.json', editable: true, config: () => ({ json: pkg, obj: inPkg as Json }) };
  for (const name of LINT_STAGED_FILES) {
    if (!existsSync(path.join(root, name))) continue;
    if (name === '.lintstagedrc.json') {
      return {
        file: name,
        editable: true,
        config: () => {
          const json = readJsonFile(path.join(root, name));
          return { json, obj: json.data };
        },
      };
    }
    return { file: name, editable: false };
  }
  return null;
}

/** husky 9 sets core.hooksPath to .husky/_ (husky 4–8: .husky). */
export function isHuskyPath(hooksPath: string | undefined): boolean {
  return hooksPath !== undefined && /^(\.\/)?\.husky(\/_)?\/?$/.test(hooksPath);
}
