import { spawn } from 'node:child_process';
import { recordOutput } from './no-leak';
import { CLI } from './repo';

export interface AsyncResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built CLI without blocking the event loop (a test's local HTTP server must keep
 * answering meanwhile); its output joins the suite-wide no-leak check.
 */
export function cliAsync(args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv; input?: string }): Promise<AsyncResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: opts.cwd, env: opts.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => {
      recordOutput(`ak-hook ${args.slice(0, 2).join(' ')}`, stdout);
      recordOutput(`ak-hook ${args.slice(0, 2).join(' ')}`, stderr);
      resolve({ status, stdout, stderr });
    });
    child.stdin.end(opts.input ?? '');
  });
}
