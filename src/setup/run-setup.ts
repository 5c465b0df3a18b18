import { readProject, type Project } from './project';
import type { SetupAction, SetupPlan } from './types';

export interface SetupOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Report what would change; write nothing. */
  dryRun?: boolean;
}

export type SetupResult =
  | { ok: true; plan: SetupPlan }
  | { ok: false; reason: 'no-package-json'; dir: string }
  | { ok: false; reason: 'command-failed'; command: string; detail: string };

/** Records an action and, unless it is a dry run, carries it out. */
export type Act = (a: SetupAction, apply: () => void) => void;

/** A command run by set-up that failed; the actions before it are done. */
export class CommandFailed extends Error {
  constructor(
    readonly command: string,
    readonly detail: string,
  ) {
    super(command);
  }
}

/** Reads the project and runs a set-up body with a plan that records every change. */
export function runSetup(opts: SetupOptions, body: (p: Project, plan: SetupPlan, act: Act) => void): SetupResult {
  const p = readProject(opts.cwd, opts.env);
  if (!p) return { ok: false, reason: 'no-package-json', dir: opts.cwd };
  const plan: SetupPlan = { actions: [], notes: [] };
  const act: Act = (a, apply) => {
    plan.actions.push(a);
    if (!opts.dryRun) apply();
  };
  try {
    body(p, plan, act);
    return { ok: true, plan };
  } catch (e) {
    if (e instanceof CommandFailed) return { ok: false, reason: 'command-failed', command: e.command, detail: e.detail };
    throw e;
  }
}
