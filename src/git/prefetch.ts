import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { gitEnv, hardenedArgs } from './run';

/**
 * perf: a git process started before the code that reads it is loaded. The bin of a plain
 * `ak-hook check` starts the staged diff first and then loads the bundle (~20 ms), so git
 * works while node loads. The process is held paused (nothing is read, so a large output only
 * waits in the pipe) and unreferenced (it never keeps node alive), until runGit asks for
 * exactly the same command, directory and environment and takes it over. Shared through a
 * global because the bin and the bundle are separate files.
 */
/** git with no stdin (as runGit starts it when there is no input) and piped output. */
type Held = ChildProcessByStdio<null, Readable, Readable>;

interface Prefetched {
  key: string;
  child: Held;
  failed: boolean;
}

const SLOT = Symbol.for('ak-hook.prefetched-git');
type Slot = { [SLOT]?: Prefetched };

function keyOf(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): string {
  return JSON.stringify([hardenedArgs(args), cwd, Object.entries(gitEnv(env)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))]);
}

/** Starts `git args` now; only one is held at a time. */
export function prefetchGit(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): void {
  const child = spawn('git', hardenedArgs(args), { cwd, env: gitEnv(env), stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
  const held: Prefetched = { key: keyOf(args, cwd, env), child, failed: false };
  child.on('error', () => (held.failed = true));
  child.stdout.pause();
  child.stderr.pause();
  child.unref();
  (child.stdout as unknown as { unref(): void }).unref();
  (child.stderr as unknown as { unref(): void }).unref();
  const slot = globalThis as Slot;
  slot[SLOT]?.child.kill();
  slot[SLOT] = held;
}

/** The held process for exactly this command, directory and environment (taken once), or null (another command: it stays held). */
export function takePrefetched(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Held | null {
  const slot = globalThis as Slot;
  const held = slot[SLOT];
  if (!held) return null;
  if (held.key !== keyOf(args, cwd, env)) return null;
  delete slot[SLOT];
  if (held.failed) return null;
  held.child.ref();
  (held.child.stdout as unknown as { ref(): void }).ref();
  (held.child.stderr as unknown as { ref(): void }).ref();
  return held.child;
}
