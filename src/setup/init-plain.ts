import { AkHookError } from '../errors';
import { init } from './init';
import { installPlainHooks, packageDir } from './plain-hooks';
import { gitOut, isHuskyPath } from './project';
import type { Act, SetupOptions, SetupResult } from './run-setup';
import type { SetupPlan } from './types';

/**
 * `ak-hook init --plain`: git hooks without husky, installed as files in the repository's own
 * hooks folder (never a core.hooksPath into node_modules, which points nowhere once
 * node_modules is gone). Works without a package.json at the root (a monorepo's package below it).
 */
export function initPlain(opts: SetupOptions): SetupResult {
  const root = gitOut(['rev-parse', '--show-toplevel'], opts.cwd, opts.env);
  if (root === undefined) throw new AkHookError('E_NOT_A_REPO', `${opts.cwd} is not inside a git work tree`);
  // husky already runs this repository's hooks: .husky/_ is husky's own (regenerated) folder.
  if (isHuskyPath(gitOut(['config', '--get', 'core.hooksPath'], root, opts.env) || undefined)) return init(opts);
  const plan: SetupPlan = { actions: [], notes: [] };
  const act: Act = (a, apply) => {
    plan.actions.push(a);
    if (!opts.dryRun) apply();
  };
  installPlainHooks(root, packageDir(opts.cwd, root), opts.env, plan, act);
  return { ok: true, plan };
}
