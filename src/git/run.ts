import { spawn } from 'node:child_process';
import { AkHookError } from '../errors';
import { takePrefetched } from './prefetch';

/**
 * Config that must not change what we read, whatever the user's or the repository's
 * git config says. Passed as `-c` options, which win over every config file.
 */
export const HARDENED_CONFIG: readonly string[] = [
  'core.quotePath=false',
  'color.ui=never',
  'color.diff=never',
  'diff.noprefix=false',
  'diff.mnemonicPrefix=false',
  'diff.relative=false',
  'diff.external=',
  'diff.renames=true',
  'diff.renameLimit=1000',
  'diff.interHunkContext=0',
  'diff.suppressBlankEmpty=false',
  'diff.submodule=short',
  'diff.ignoreSubmodules=none',
  'diff.orderFile=',
  'core.pager=cat',
  // perf: never run a configured fsmonitor hook (a command) while reading the index
  'core.fsmonitor=false',
];

/** Environment variables that would change git diff output if inherited. */
export const DROPPED_ENV = ['GIT_EXTERNAL_DIFF', 'GIT_DIFF_OPTS', 'GIT_PAGER', 'PAGER', 'GIT_TRACE', 'GIT_TRACE2'];

export function gitEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...env };
  for (const k of DROPPED_ENV) delete out[k];
  // Never take optional locks (e.g. refreshing the index) while we read.
  out.GIT_OPTIONAL_LOCKS = '0';
  out.LC_ALL = 'C';
  out.LANGUAGE = 'C';
  return out;
}

export function hardenedArgs(args: readonly string[]): string[] {
  const out: string[] = [];
  for (const c of HARDENED_CONFIG) out.push('-c', c);
  return out.concat(args);
}

export interface GitFlow {
  pause(): void;
  resume(): void;
}

export interface GitRunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /**
   * Called with each stdout chunk; when absent, stdout is collected and returned. `flow` pauses
   * the output (git blocks on a full pipe) until the caller can take more.
   */
  onStdout?: (chunk: Buffer, flow: GitFlow) => void;
  input?: string | Buffer;
  /** Aborting kills git; the promise then rejects. */
  signal?: AbortSignal;
}

/** Runs git with hardened config; resolves with stdout (when collected), rejects with AkHookError. */
export function runGit(args: readonly string[], opts: GitRunOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // perf: the bin may have started this very command already (prefetch.ts).
    const held = opts.input === undefined ? takePrefetched(args, opts.cwd, opts.env) : null;
    const child =
      held ??
      spawn('git', hardenedArgs(args), {
        cwd: opts.cwd,
        env: gitEnv(opts.env),
        stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
        windowsHide: true,
        signal: opts.signal,
      });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let failed = false;
    const flow: GitFlow = { pause: () => child.stdout!.pause(), resume: () => child.stdout!.resume() };
    child.stdout!.on('data', (c: Buffer) => {
      if (failed) return;
      if (opts.onStdout) {
        try {
          opts.onStdout(c, flow);
        } catch (e) {
          failed = true;
          child.kill();
          reject(e);
        }
      } else out.push(c);
    });
    child.stderr!.on('data', (c: Buffer) => err.push(c));
    if (held) {
      // What spawn does with a signal: git is stopped and the run fails.
      const abort = () => {
        if (failed) return;
        failed = true;
        child.kill();
        reject(new AkHookError('E_GIT_FAILED', 'could not run git: The operation was aborted', { args }));
      };
      if (opts.signal?.aborted) abort();
      else opts.signal?.addEventListener('abort', abort, { once: true });
      child.stdout!.resume();
      child.stderr!.resume();
    }
    child.on('error', (e: NodeJS.ErrnoException) => {
      if (failed) return;
      failed = true;
      if (e.code === 'ENOENT')
        reject(new AkHookError('E_GIT_MISSING', 'git was not found on PATH', { text: { id: 'gitMissing', args: {} } }));
      else reject(new AkHookError('E_GIT_FAILED', `could not run git: ${e.message}`, { args }));
    });
    if (opts.input !== undefined && child.stdin) child.stdin.end(opts.input);
    child.on('close', (code, signal) => {
      if (failed) return;
      if (code === 0) {
        resolve(opts.onStdout ? Buffer.alloc(0) : Buffer.concat(out));
        return;
      }
      const stderr = Buffer.concat(err).toString('utf8').trim();
      const first = stderr.split('\n').find((l) => l.trim() !== '') ?? `exit ${code ?? signal}`;
      const code2 = /not a git repository/i.test(stderr) ? 'E_NOT_A_REPO' : 'E_GIT_FAILED';
      reject(new AkHookError(code2, first.replace(/^(fatal|error): /, ''), { args: [...args], exitCode: code, stderr }));
    });
  });
}
