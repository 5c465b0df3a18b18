import { spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { DoctorCheck, FixAction } from './types';

/** What one applied (or, dry, planned) fix did, for the report. */
export interface Change {
  action: FixAction;
  ok: boolean;
  /** Why it failed (a command's last line), when it did. */
  error?: string;
}

/**
 * Applies the safe fixes the checks offer: missing .gitignore lines, husky's .husky/_ folder
 * (husky's own bin), the pre-push hook. Each is additive; with `dryRun` nothing is written.
 */
export function applyFixes(checks: readonly DoctorCheck[], opts: { root: string; env: NodeJS.ProcessEnv; dryRun: boolean }): Change[] {
  const changes: Change[] = [];
  for (const c of checks) {
    if (c.status === 'ok') continue;
    for (const a of c.actions ?? []) {
      if (opts.dryRun) {
        changes.push({ action: a, ok: true });
        continue;
      }
      try {
        apply(a, opts.root, opts.env);
        changes.push({ action: a, ok: true });
      } catch (e) {
        changes.push({ action: a, ok: false, error: (e instanceof Error ? e.message : String(e)).trim().split('\n').slice(-1)[0] });
      }
    }
  }
  return changes;
}

function apply(a: FixAction, root: string, env: NodeJS.ProcessEnv): void {
  switch (a.kind) {
    case 'append-gitignore': {
      const file = path.join(root, '.gitignore');
      const before = existsSync(file) ? readFileSync(file, 'utf8') : '';
      const sep = before === '' || before.endsWith('\n') ? '' : '\n';
      appendFileSync(file, `${sep}# credential files (ak-hook doctor)\n${a.lines.join('\n')}\n`);
      return;
    }
    case 'run-husky': {
      const r = spawnSync(process.execPath, [path.join(root, 'node_modules/husky/bin.js')], { cwd: root, env, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(r.stderr || r.stdout || 'husky failed');
      return;
    }
    case 'append-hook-line': {
      const file = path.join(root, a.file);
      mkdirSync(path.dirname(file), { recursive: true });
      const before = existsSync(file) ? readFileSync(file, 'utf8') : '';
      writeFileSync(file, before + (before === '' || before.endsWith('\n') ? '' : '\n') + a.line + '\n');
      return;
    }
    case 'copy-hook': {
      const file = path.join(root, a.file);
      mkdirSync(path.dirname(file), { recursive: true });
      copyFileSync(a.from, file);
      chmodSync(file, 0o755);
      return;
    }
  }
}
