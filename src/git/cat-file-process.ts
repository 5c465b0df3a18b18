import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { AkHookError } from '../errors';
import { gitEnv, hardenedArgs } from './run';

/**
 * A long-lived `git cat-file <mode>` (hardened) whose failures reach the caller: a spawn error,
 * or an exit while requests are still `pending()`, goes to `fail`. stdout is the caller's.
 */
export function spawnCatFile(
  mode: string,
  opts: { cwd: string; env: NodeJS.ProcessEnv; pending: () => number; fail: (e: Error) => void },
): ChildProcessWithoutNullStreams {
  const child = spawn('git', hardenedArgs(['cat-file', mode]), { cwd: opts.cwd, env: gitEnv(opts.env) });
  child.stderr.resume();
  // A write after git exited: the close handler below reports it.
  child.stdin.on('error', () => undefined);
  child.on('error', (e) => opts.fail(new AkHookError('E_GIT_FAILED', `could not run git cat-file: ${e.message}`)));
  child.on('close', (code, signal) => {
    if (opts.pending() > 0)
      opts.fail(new AkHookError('E_GIT_FAILED', `git cat-file ${signal ? `was killed (${signal})` : `exited with ${code}`}`));
  });
  return child;
}
