import type { Messages } from '../../report/messages';
import type { SetupResult } from '../../setup/init';
import { EXIT, type RunResult } from '../command';

/** Prints exactly what init / uninstall changed (or would change), then the notes. */
export function setupOutput(r: SetupResult, m: Messages, dryRun: boolean, nothing: string, command: 'init' | 'uninstall'): RunResult {
  if (!r.ok) {
    if (r.reason === 'no-package-json') return { exitCode: EXIT.error, stdout: '', stderr: m.setupNoPackageJson(r.dir) + '\n' };
    return { exitCode: EXIT.error, stdout: '', stderr: m.setupCommandFailed(r.command, r.detail) + '\n' };
  }
  const lines: string[] = [];
  const blocked = r.plan.notes.some((n) => n.kind === 'hooks-outside' || n.kind === 'hook-not-shell');
  if (r.plan.actions.length === 0 && !blocked) lines.push(nothing);
  else {
    if (dryRun) lines.push(m.dryRunHeader(command));
    for (const a of r.plan.actions) lines.push(`  ${m.setupAction(a, dryRun)}`);
  }
  for (const n of r.plan.notes) lines.push(m.setupNote(n));
  // A hook init could not edit: the repository is not protected yet, so the exit says so.
  if (r.plan.notes.some((n) => n.kind === 'hook-not-shell' || n.kind === 'hooks-outside'))
    return { exitCode: EXIT.error, stdout: '', stderr: lines.join('\n') + '\n' };
  return { exitCode: EXIT.clean, stdout: lines.join('\n') + '\n', stderr: '' };
}
