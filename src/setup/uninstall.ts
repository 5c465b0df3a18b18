import * as path from 'node:path';
import { removeHookLine } from './hook-file';
import { removePlainHooks } from './plain-hooks';
import { gitOut } from './project';
import type { SetupPlan } from './types';
import { runSetup, type SetupOptions, type SetupResult } from './run-setup';
import { removeTask, TASK_COMMAND, TASK_GLOB } from './package-json';

/**
 * Removes exactly what `ak-hook init` adds: its line in the pre-commit hook (the hook file
 * too when nothing else is left in it) and its lint-staged task. husky, the "prepare"
 * script and core.hooksPath stay: other hooks may rely on them.
 */
export function uninstall(opts: SetupOptions): SetupResult {
  const r = runSetup(opts, (p, plan, act) => {
    removePlainHooks(p.root, opts.env, act);
    const hooks = ['pre-commit', 'pre-push'].flatMap((h) => [`.husky/${h}`, path.join(p.hooksDir, h).split(path.sep).join('/')]);
    for (const file of [...new Set(hooks)]) {
      removeHookLine(p.root, file, act);
    }
    if (p.lintStaged?.editable) {
      const { json, obj } = p.lintStaged.config();
      if (removeTask(obj)) act({ kind: 'remove-task', file: p.lintStaged.file, glob: TASK_GLOB, command: TASK_COMMAND }, () => json.save());
    }
    if (plan.actions.length > 0 && p.huskyInstalled) plan.notes.push({ kind: 'husky-kept' });
  });
  if (r.ok || r.reason !== 'no-package-json') return r;
  // No package.json: only `init --plain` can have set anything up.
  const root = gitOut(['rev-parse', '--show-toplevel'], opts.cwd, opts.env) ?? opts.cwd;
  const plan: SetupPlan = { actions: [], notes: [] };
  removePlainHooks(root, opts.env, (a, apply) => {
    plan.actions.push(a);
    if (!opts.dryRun) apply();
  });
  return { ok: true, plan };
}
