/**
 * Suite-wide no-leak check (jest setupFilesAfterEnv): every output of ak-hook a test runs
 * (the CLI, the hooks inside `git commit` and `git push`, the pre-commit entry) and everything a test hands to
 * `recordOutput` is kept, and after each test file none may contain a full generated secret.
 */
import type * as CP from 'node:child_process';
import { GENERATED } from './keygen';

// The real module object (an `import * as` would be a copy, and patching it would change nothing).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const cp = require('node:child_process') as typeof CP;

const outputs: Array<{ what: string; text: string }> = [];

export function recordOutput(what: string, text: unknown): void {
  if (text === null || text === undefined) return;
  outputs.push({ what, text: Buffer.isBuffer(text) ? text.toString('latin1') : String(text) });
}

/** Generated secrets found in recorded outputs. */
export function leaks(): string[] {
  const found: string[] = [];
  for (const s of GENERATED) for (const o of outputs) if (o.text.includes(s)) found.push(`${o.what}: ${s.slice(0, 4)}…`);
  return found;
}

export function forgetOutputs(): void {
  outputs.length = 0;
}

/** Runs that may print ak-hook output: the CLI, a shell, and git commands that run hooks (commit, push). */
export function runsAkHook(cmd: string, args: readonly string[]): boolean {
  return (
    cmd === process.execPath ||
    cmd === 'sh' ||
    args.includes('commit') ||
    args.includes('push') ||
    args.some((a) => /cli\.js|pre-commit\.sh/.test(a))
  );
}

const real = cp.spawnSync;
(cp as { spawnSync: typeof CP.spawnSync }).spawnSync = function (cmd: string, args?: unknown, opts?: unknown) {
  const r = (real as (...a: unknown[]) => CP.SpawnSyncReturns<string | Buffer>)(cmd, args, opts);
  if (Array.isArray(args) && runsAkHook(cmd, args as string[])) {
    recordOutput(`${cmd} ${(args as string[]).slice(0, 3).join(' ')}`, r.stdout);
    recordOutput(`${cmd} ${(args as string[]).slice(0, 3).join(' ')}`, r.stderr);
  }
  return r;
} as typeof CP.spawnSync;

afterAll(() => {
  const found = leaks();
  forgetOutputs();
  if (found.length > 0) throw new Error(`a full generated secret was written to an output: ${found.slice(0, 5).join('; ')}`);
});
