import { existsSync, realpathSync } from 'node:fs';
import * as path from 'node:path';
import { gitOut, readProject, type Project } from './project';
import type { SetupAction, SetupPlan } from './types';

export interface SetupOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Report what would change; write nothing. */
  dryRun?: boolean;
}

export type SetupResult =
  | { ok: true; plan: SetupPlan }
  | { ok: false; reason: 'no-package-json'; dir: string; hooksPath: string }
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
  if (!p) return { ok: false, reason: 'no-package-json', ...plainHooksPath(opts) };
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

/**
 * Where the plain hooks are for a repository without a package.json at its root: in the
 * node_modules of the package the command runs in (a monorepo's `frontend/`), written relative
 * to the root, as git resolves a relative core.hooksPath there. A wrong one makes git run no
 * hook at all, silently.
 */
function plainHooksPath(opts: SetupOptions): { dir: string; hooksPath: string } {
  const root = gitOut(['rev-parse', '--show-toplevel'], opts.cwd, opts.env) ?? opts.cwd;
  let dir = realDir(opts.cwd);
  while (dir !== root && dir.startsWith(root + path.sep) && !existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  const rel = path.relative(root, dir).split(path.sep).join('/');
  return { dir: root, hooksPath: `${rel && !rel.startsWith('..') ? rel + '/' : ''}node_modules/ak-hook/hooks` };
}

function realDir(d: string): string {
  try {
    return realpathSync(d);
  } catch {
    return path.resolve(d);
  }
}
