import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { callsAkHook } from './calls-ak-hook';
import { hooksLocation, isExecutable, isSparse, readText } from './git';
import type { DoctorCheck, DoctorContext } from './types';

/**
 * Git runs the pre-commit hook only when core.hooksPath (or .git/hooks) names a folder that
 * exists and holds an executable `pre-commit`; and that hook must run ak-hook. Git says
 * nothing when any of this is missing: a new worktree or a sparse checkout has no .husky/_,
 * a clone has none before `npm ci`, a hooksPath into node_modules points nowhere once it is gone.
 */
export function checkPreCommit(ctx: DoctorContext): DoctorCheck {
  const id = 'pre-commit-hook' as const;
  const loc = hooksLocation(ctx.root, ctx.env);
  const huskyBin = existsSync(path.join(ctx.root, 'node_modules/husky/bin.js'));
  const sparse = isSparse(ctx.root, ctx.env);
  if (!existsSync(loc.dir)) {
    if (loc.husky) {
      if (sparse && !existsSync(path.join(ctx.root, '.husky')))
        return { id, status: 'fail', code: 'husky-sparse', params: { dir: loc.shown }, fix: 'git sparse-checkout add .husky && npx husky' };
      if (!huskyBin) return { id, status: 'fail', code: 'husky-not-installed', params: { dir: loc.shown }, fix: 'npm ci' };
      return {
        id,
        status: 'fail',
        code: 'husky-dir-missing',
        params: { dir: loc.shown },
        fix: 'npx husky',
        actions: [{ kind: 'run-husky' }],
      };
    }
    return {
      id,
      status: 'fail',
      code: 'hooks-path-missing',
      params: { dir: loc.shown, scope: loc.scope ?? 'local' },
      fix:
        loc.hooksPath !== undefined
          ? `git config --${loc.scope ?? 'local'} --unset core.hooksPath && npx ak-hook init`
          : 'npx ak-hook init',
    };
  }
  const hook = path.join(loc.dir, 'pre-commit');
  const shownHook = `${loc.shown}/pre-commit`;
  if (!existsSync(hook)) return { id, status: 'fail', code: 'hook-missing', params: { file: shownHook }, fix: 'npx ak-hook init' };
  if (!isExecutable(hook))
    return { id, status: 'fail', code: 'hook-not-executable', params: { file: shownHook }, fix: `chmod +x ${shownHook}` };
  let text = readText(hook) ?? '';
  let file = shownHook;
  if (loc.husky) {
    // husky's .husky/_/pre-commit only sources .husky/_/h, which runs .husky/pre-commit if it exists (silently not).
    file = '.husky/pre-commit';
    const script = readText(path.join(ctx.root, file));
    if (script === undefined)
      return sparse
        ? { id, status: 'fail', code: 'husky-sparse', params: { dir: '.husky' }, fix: 'git sparse-checkout add .husky && npx husky' }
        : { id, status: 'fail', code: 'hook-missing', params: { file }, fix: 'npx ak-hook init' };
    text = script;
  }
  if (!callsAkHook(text, ctx.root)) return { id, status: 'fail', code: 'hook-no-ak-hook', params: { file }, fix: 'npx ak-hook init' };
  return { id, status: 'ok', code: 'hook-ok', params: { file, scope: loc.scope ?? '', hooksPath: loc.hooksPath ?? '' } };
}
