import { chmodSync, existsSync, mkdirSync, readFileSync, realpathSync, unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { AkHookError } from '../errors';
import { hasOurLine, insertAfterShebang, nonShellShebang, PLAIN_LINE } from './hook-file';
import { gitOut } from './project';
import type { Act } from './run-setup';
import type { SetupAction, SetupPlan } from './types';

/** Marks a hook script that init copied whole (uninstall deletes exactly those). */
export const PLAIN_MARK = '# installed by "ak-hook init --plain"; "ak-hook uninstall" removes it';
export const PUSH_LINE = './node_modules/.bin/ak-hook check --pre-push "$@" || exit $?';
const HOOKS = ['pre-commit', 'pre-push'] as const;

/** Where git runs this repository's hooks from: inside it (`.git/hooks`, a local core.hooksPath) or outside (a global one). */
export function hooksLocation(root: string, env: NodeJS.ProcessEnv): { dir: string; outside: boolean } {
  const abs = path.resolve(root, gitOut(['rev-parse', '--git-path', 'hooks'], root, env) ?? '.git/hooks');
  const rel = path.relative(root, abs);
  const outside = rel.startsWith('..') || path.isAbsolute(rel);
  return { dir: outside ? abs : rel.split(path.sep).join('/') || '.', outside };
}

/**
 * The plain hooks as init installs them: the package's hooks/ script with the npm package's
 * folder filled in, marked as ours. It fails closed (exit 2, en/zh, the fix) when ak-hook is
 * not installed, so a missing node_modules never means "no hook".
 */
export function plainHookScript(kind: 'pre-commit' | 'pre-push', pkgDir: string): string {
  const candidates = [path.join(__dirname, '../hooks', kind), path.join(__dirname, '../../hooks', kind)];
  const file = candidates.find((f) => existsSync(f));
  if (!file) throw new AkHookError('E_INTERNAL', `the ${kind} hook script is missing from the ak-hook package`);
  const text = readFileSync(file, 'utf8').replace(/^pkg=\.$/m, `pkg=${shellWord(pkgDir)}`);
  return insertAfterShebang(text, PLAIN_MARK);
}

function shellWord(s: string): string {
  return /^[\w./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The npm package's folder (the nearest package.json from cwd up to the root), relative to the root. */
export function packageDir(cwd: string, root: string): string {
  let dir = real(cwd);
  const top = real(root);
  while (dir !== top && dir.startsWith(top + path.sep) && !existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  const rel = path.relative(top, dir).split(path.sep).join('/');
  return rel && !rel.startsWith('..') ? rel : '.';
}

function real(d: string): string {
  try {
    return realpathSync(d);
  } catch {
    return path.resolve(d);
  }
}

/**
 * Installs pre-commit and pre-push into the repository's own hooks folder (`.git/hooks`, which
 * does not vanish with node_modules or a sparse checkout): a missing hook becomes our script,
 * an existing shell hook gets our line first. A global hooks folder is not ours to edit.
 */
export function installPlainHooks(root: string, pkgDir: string, env: NodeJS.ProcessEnv, plan: SetupPlan, act: Act): void {
  const where = hooksLocation(root, env);
  if (where.outside) {
    if (!hasOurLine(readOr(path.join(where.dir, 'pre-commit'))))
      plan.notes.push({ kind: 'hooks-outside', dir: where.dir, line: PLAIN_LINE });
    return;
  }
  for (const kind of HOOKS) {
    const file = `${where.dir}/${kind}`;
    const abs = path.resolve(root, file);
    const line = kind === 'pre-commit' ? PLAIN_LINE : PUSH_LINE;
    if (!existsSync(abs)) {
      act({ kind: 'create-hook', file, line: kind === 'pre-commit' ? 'ak-hook check' : 'ak-hook check --pre-push' }, () => {
        mkdirSync(path.dirname(abs), { recursive: true });
        writeFileSync(abs, plainHookScript(kind, pkgDir));
        chmodSync(abs, 0o755);
      });
      continue;
    }
    const text = readFileSync(abs, 'utf8');
    if (text.includes(PLAIN_MARK) || hasOurLine(text) || text.includes(PUSH_LINE)) continue;
    const shebang = nonShellShebang(text);
    if (shebang !== null) {
      plan.notes.push({ kind: 'hook-not-shell', file, shebang, line });
      continue;
    }
    act({ kind: 'add-line', file, line }, () => writeFileSync(abs, insertAfterShebang(text, line)));
  }
}

/** Removes what installPlainHooks added: our whole scripts, and our lines from other hooks. */
export function removePlainHooks(root: string, env: NodeJS.ProcessEnv, act: (a: SetupAction, apply: () => void) => void): void {
  const where = hooksLocation(root, env);
  if (where.outside) return;
  for (const kind of HOOKS) {
    const file = `${where.dir}/${kind}`;
    const abs = path.resolve(root, file);
    const text = readOr(abs);
    if (text.includes(PLAIN_MARK)) act({ kind: 'delete-hook', file }, () => unlinkSync(abs));
    else if (kind === 'pre-push' && text.split('\n').some((l) => l.trim() === PUSH_LINE)) {
      const rest = text
        .split('\n')
        .filter((l) => l.trim() !== PUSH_LINE)
        .join('\n');
      act({ kind: 'remove-line', file, line: PUSH_LINE }, () => writeFileSync(abs, rest));
    }
  }
}

function readOr(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
