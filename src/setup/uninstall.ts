import * as path from 'node:path';
import { removeHookLine } from './hook-file';
import type { SetupOptions, SetupResult } from './init';
import { removeTask, TASK_COMMAND, TASK_GLOB } from './package-json';
import { readProject } from './project';
import type { SetupAction, SetupPlan } from './types';

/**
 * Removes exactly what `ak-hook init` adds: its line in the pre-commit hook (the hook file
 * too when nothing else is left in it) and its lint-staged task. husky, the "prepare"
 * script and core.hooksPath stay: other hooks may rely on them.
 */
export function uninstall(opts: SetupOptions): SetupResult {
  const p = readProject(opts.cwd, opts.env);
  if (!p) return { ok: false, reason: 'no-package-json', dir: opts.cwd };
  const plan: SetupPlan = { actions: [], notes: [] };
  const act = (a: SetupAction, apply: () => void) => {
    plan.actions.push(a);
    if (!opts.dryRun) apply();
  };
  for (const file of [...new Set(['.husky/pre-commit', path.join(p.hooksDir, 'pre-commit').split(path.sep).join('/')])]) {
    removeHookLine(p.root, file, act);
  }
  if (p.lintStaged?.editable) {
    const { json, obj } = p.lintStaged.config();
    if (removeTask(obj)) act({ kind: 'remove-task', file: p.lintStaged.file, glob: TASK_GLOB, command: TASK_COMMAND }, () => json.save());
  }
  if (plan.actions.length > 0 && p.huskyInstalled) plan.notes.push({ kind: 'husky-kept' });
  return { ok: true, plan };
}
