import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  hasOurLine,
  HUSKY_LINE,
  insertAfterShebang,
  insertBeforeSteps,
  nonShellShebang,
  ourLineUnreachable,
  HUSKY_PUSH_LINE,
  PLAIN_LINE,
  PLAIN_PUSH_LINE,
  removeHookLine,
  removeOurLines,
} from './hook-file';
import { addTask, TASK_COMMAND, TASK_GLOB } from './package-json';
import { addDevCommand, detectPackageManager } from './package-manager';
import { isHuskyPath, readProject, type Project } from './project';
import { CommandFailed, runSetup, type Act, type SetupOptions, type SetupResult } from './run-setup';
import type { SetupPlan } from './types';

export type { SetupOptions, SetupResult };

export interface InitOptions extends SetupOptions {
  /** Write the lint-staged task instead of the hook line (when lint-staged's config is JSON). */
  lintStaged?: boolean;
  /** Also add ak-hook to the pre-push hook (a new hook file only: an existing one gets a note). */
  prePush?: boolean;
}

/** husky is installed with this spec unless AK_HOOK_HUSKY_SPEC names another (a local path in tests). */
export const HUSKY_SPEC = 'husky@^9';

/**
 * Sets the repository up so that every `git commit` runs ak-hook, changing as little as
 * possible and never what is already there: an existing hook gets one more line; an
 * existing core.hooksPath is used as it is; husky is installed and run only when no hook
 * set-up exists. Idempotent. Returns what it changed (or would change); never prints.
 */
export function init(opts: InitOptions): SetupResult {
  return runSetup(opts, (p, plan, act) => {
    if (opts.lintStaged && p.lintStaged?.editable) {
      const { json, obj } = p.lintStaged.config();
      if (addTask(obj)) act({ kind: 'add-task', file: p.lintStaged.file, glob: TASK_GLOB, command: TASK_COMMAND }, () => json.save());
      // The task replaces the hook line: scanning twice would only be slower.
      removeHookLine(p.root, '.husky/pre-commit', act);
      return;
    }
    if (opts.lintStaged && p.lintStaged) {
      // A function task (one run on the whole staged diff) exists only in a JavaScript config.
      const js = /\.[cm]?[jt]s$/.test(p.lintStaged.file);
      const task = js ? `"${TASK_GLOB}": () => "${TASK_COMMAND}"` : `"${TASK_GLOB}": "${TASK_COMMAND}"`;
      plan.notes.push({ kind: 'lint-staged-manual', file: p.lintStaged.file, task });
    }
    const plainHook = path.join(p.hooksDir, 'pre-commit');
    if (
      (p.hooksPath !== undefined && !isHuskyPath(p.hooksPath)) ||
      (p.hooksPath === undefined && existsSync(path.resolve(p.root, plainHook)))
    ) {
      // Hooks shared with other repositories (a global core.hooksPath) are not ours to edit.
      // Not set up there: init exits non-zero with the exact fix (the repository is not protected yet).
      if (path.isAbsolute(p.hooksDir)) {
        if (!hasOurLine(readIfExists(path.join(p.hooksDir, 'pre-commit'))))
          plan.notes.push({ kind: 'hooks-outside', dir: p.hooksDir, line: PLAIN_LINE });
      } else {
        if (p.hooksPath !== undefined) plan.notes.push({ kind: 'hooks-path', hooksPath: p.hooksPath });
        addToPlainHook(p, plainHook, plan, act);
        if (opts.prePush) addPushHook(path.join(p.hooksDir, 'pre-push'), `#!/bin/sh\n${PLAIN_PUSH_LINE}\n`, p, plan, act);
      }
    } else {
      setUpHusky(p, opts, act);
      if (opts.prePush) addPushHook('.husky/pre-push', `${HUSKY_PUSH_LINE}\n`, p, plan, act);
      if (p.lintStaged && !opts.lintStaged) plan.notes.push({ kind: 'lint-staged-offer' });
      if (!opts.prePush && plan.actions.length > 0 && !existsSync(path.join(p.root, '.husky/pre-push')))
        plan.notes.push({ kind: 'pre-push-offer' });
    }
  });
}

/**
 * The pre-push hook: created when there is none. An existing one is left to the user (with
 * the line to add): git's ref list arrives once on stdin, and a command before ours that reads
 * it (git lfs pre-push …) would leave ak-hook nothing to scan, or the other way round.
 */
function addPushHook(file: string, content: string, p: Project, plan: SetupPlan, act: Act): void {
  const abs = path.resolve(p.root, file);
  const line = content.split('\n').find((l) => l.includes('--pre-push'))!;
  if (!existsSync(abs)) {
    act({ kind: 'create-hook', file, line }, () => {
      mkdirSync(path.dirname(abs), { recursive: true });
      writeFileSync(abs, content);
      chmodSync(abs, 0o755);
    });
  } else if (!readFileSync(abs, 'utf8').includes('--pre-push')) plan.notes.push({ kind: 'pre-push-manual', file, line });
}

function addToPlainHook(p: Project, file: string, plan: SetupPlan, act: Act): void {
  const abs = path.resolve(p.root, file);
  if (!existsSync(abs)) {
    act({ kind: 'create-hook', file, line: PLAIN_LINE }, () => {
      mkdirSync(path.dirname(abs), { recursive: true });
      writeFileSync(abs, `#!/bin/sh\n${PLAIN_LINE}\n`);
      chmodSync(abs, 0o755);
    });
    return;
  }
  const text = readFileSync(abs, 'utf8');
  if (hasOurLine(text)) return;
  // A python, node or perl hook: a shell line would break it. Say what to add; change nothing.
  const shebang = nonShellShebang(text);
  if (shebang !== null) {
    plan.notes.push({ kind: 'hook-not-shell', file, shebang, line: PLAIN_LINE });
    return;
  }
  act({ kind: 'add-line', file, line: PLAIN_LINE }, () => writeFileSync(abs, insertAfterShebang(text, PLAIN_LINE)));
}

function setUpHusky(p: Project, opts: InitOptions, act: Act): void {
  const run = (cmd: string, args: string[]) => {
    const r = spawnSync(cmd, args, { cwd: p.root, env: opts.env, encoding: 'utf8', shell: process.platform === 'win32' });
    if (r.status !== 0)
      throw new CommandFailed(
        [cmd, ...args].join(' '),
        (r.stderr || r.stdout || String(r.error ?? '')).trim().split('\n').slice(-5).join('\n'),
      );
  };
  if (!p.huskyInstalled) {
    // With the project's own package manager (its lockfile or "packageManager"), so its lockfile stays the one in use.
    const pm = detectPackageManager(p.root, p.pkg.data.packageManager);
    const [cmd, args] = addDevCommand(pm, opts.env.AK_HOOK_HUSKY_SPEC || HUSKY_SPEC);
    act({ kind: 'install-husky', command: `${cmd} ${args.join(' ')}` }, () => {
      run(cmd, args);
      // npm rewrote package.json: read it again before editing it.
      Object.assign(p, { pkg: readProject(p.root, opts.env)!.pkg });
    });
  }
  const scripts = (p.pkg.data.scripts ?? {}) as Record<string, string>;
  const prepare = scripts.prepare;
  if (!prepare || !/\bhusky\b/.test(prepare)) {
    // `|| true`: `npm ci --omit=dev` (production images) has no husky binary, and must not fail on it.
    const value = prepare ? `${prepare} && (husky || true)` : 'husky || true';
    act({ kind: 'prepare-script', value }, () => {
      p.pkg.data.scripts = { ...((p.pkg.data.scripts ?? {}) as object), prepare: value };
      p.pkg.save();
    });
  }
  if (!isHuskyPath(p.hooksPath)) {
    act({ kind: 'run-husky', hooksPath: '.husky/_' }, () => run(process.execPath, [path.join(p.root, 'node_modules/husky/bin.js')]));
  }
  const file = '.husky/pre-commit';
  const abs = path.join(p.root, file);
  const text = existsSync(abs) ? readFileSync(abs, 'utf8') : null;
  if (text === null) {
    act({ kind: 'create-hook', file, line: HUSKY_LINE }, () => {
      mkdirSync(path.dirname(abs), { recursive: true });
      writeFileSync(abs, HUSKY_LINE + '\n');
    });
  } else if (!hasOurLine(text)) {
    act({ kind: 'add-line', file, line: HUSKY_LINE }, () => writeFileSync(abs, insertBeforeSteps(text, HUSKY_LINE)));
  } else if (ourLineUnreachable(text)) {
    // Our line sits after an `exit`/`exec` (an earlier init, or an edit): it never runs. Move it up.
    const moved = insertBeforeSteps(removeOurLines(text).text, HUSKY_LINE);
    act({ kind: 'add-line', file, line: HUSKY_LINE }, () => writeFileSync(abs, moved));
  }
}

function readIfExists(file: string): string {
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}
