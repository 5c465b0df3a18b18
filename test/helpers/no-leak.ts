/**
 * Suite-wide no-leak check (jest setupFilesAfterEnv): every output of ak-hook a test runs
 * (the CLI, the hooks inside `git commit` and `git push`, the pre-commit entry) and everything a test hands to
 * `recordOutput` is kept, and after each test file none may contain a full generated secret.
 */
import type * as CP from 'node:child_process';
import { Worker } from 'node:worker_threads';
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

/**
 * No process a test starts may hang the suite: a synchronous run blocks jest's own timers, so one
 * that never ends (a tool waiting on a terminal, a pipe held open by a daemon it started) would
 * keep CI waiting until its limit, naming nothing. Each synchronous run without a timeout of its
 * own is killed after SPAWN_LIMIT_MS, and the test fails naming the command.
 */
export const SPAWN_LIMIT_MS = 300_000;

/** The limit now: SPAWN_LIMIT_MS, or AKH_TEST_SPAWN_LIMIT_MS (the test of this limit sets it). */
const limitMs = (): number => Number(process.env.AKH_TEST_SPAWN_LIMIT_MS) || SPAWN_LIMIT_MS;

/** The options with the suite's timeout when they set none. */
function withLimit(opts: unknown): Record<string, unknown> {
  const o = (opts ?? {}) as Record<string, unknown>;
  return o.timeout === undefined || o.timeout === 0 ? { ...o, timeout: limitMs(), killSignal: 'SIGKILL' } : o;
}

/** Whether `args` is an argument list (spawnSync and execFileSync take the options in its place when it is left out). */
const isArgs = (args: unknown): args is string[] => Array.isArray(args);

const real = cp.spawnSync;
(cp as { spawnSync: typeof CP.spawnSync }).spawnSync = function (cmd: string, args?: unknown, opts?: unknown) {
  const [a, given] = isArgs(args) ? [args, opts] : [[], args];
  const o = withLimit(given);
  const r = (real as (...x: unknown[]) => CP.SpawnSyncReturns<string | Buffer>)(cmd, a, o);
  if (o !== given && (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT')
    throw new Error(`killed after ${(o.timeout as number) / 1000} s, still running: ${cmd} ${a.slice(0, 3).join(' ')}`);
  if (Array.isArray(args) && runsAkHook(cmd, args as string[])) {
    recordOutput(`${cmd} ${(args as string[]).slice(0, 3).join(' ')}`, r.stdout);
    recordOutput(`${cmd} ${(args as string[]).slice(0, 3).join(' ')}`, r.stderr);
  }
  return r;
} as typeof CP.spawnSync;

// execFileSync and execSync do not go through the exported spawnSync: the same limit, set here
// (on a timeout they throw an error of their own, code ETIMEDOUT).
const realExecFile = cp.execFileSync;
(cp as { execFileSync: unknown }).execFileSync = function (file: string, args?: unknown, opts?: unknown) {
  return isArgs(args)
    ? (realExecFile as (...x: unknown[]) => unknown)(file, args, withLimit(opts))
    : (realExecFile as (...x: unknown[]) => unknown)(file, withLimit(args));
};
const realExec = cp.execSync;
(cp as { execSync: unknown }).execSync = function (command: string, opts?: unknown) {
  return (realExec as (...x: unknown[]) => unknown)(command, withLimit(opts));
};

/**
 * The same for the test file itself: code that never returns in jest's own process (a loop, a
 * regex) blocks every timer there, so a thread of its own kills the run after FILE_LIMIT_MS, on
 * stderr naming the file: CI then fails at once, saying where, instead of at its own limit.
 */
const FILE_LIMIT_MS = Number(process.env.AKH_TEST_FILE_LIMIT_MS) || 15 * 60_000;
const watchdog = new Worker(
  `const { workerData: w } = require('node:worker_threads');
  setTimeout(() => {
    require('node:fs').writeSync(2, w.message);
    process.kill(process.pid, 'SIGKILL');
  }, w.limit);`,
  {
    eval: true,
    workerData: {
      limit: FILE_LIMIT_MS,
      message: `\nak-hook tests: ${expect.getState().testPath ?? 'a test file'} still running after ${FILE_LIMIT_MS / 60_000} min: the run is killed\n`,
    },
  },
);
watchdog.unref();

afterAll(async () => {
  await watchdog.terminate();
  const found = leaks();
  forgetOutputs();
  if (found.length > 0) throw new Error(`a full generated secret was written to an output: ${found.slice(0, 5).join('; ')}`);
});
