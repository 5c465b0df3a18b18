#!/usr/bin/env node
// The bin: reads stdin, calls run(), prints what it returns and sets the exit code.
// Node ≥ 22.1 keeps a compile cache in its own cache folder (never in node_modules); older
// Node loads the bundle with the code cache made at build time (load-bundle.ts). Either way
// the bundle is dist/index.js (one copy of the code).
import * as nodeModule from 'node:module';
import * as path from 'node:path';
import { commitLogArgs } from '../git/commits';
import { stagedPatchArgs } from '../git/native';
import { prefetchGit } from '../git/prefetch';
import { repoRootWithoutGit } from '../git/repo';
import { HISTORY } from './history-selection';
import { loadBundle } from './load-bundle';

// perf: a plain `ak-hook check` (the hook) starts git's staged diff before the bundle loads,
// and a plain `ak-hook scan --history` the log of every commit; the reader takes that process
// over (git/prefetch.ts). Where the root needs git to find, nothing is started early.
const argv = process.argv.slice(2).join(' ');
if (argv === 'check' || argv === 'scan --history') {
  const root = repoRootWithoutGit(process.cwd(), process.env);
  if (root !== null) prefetchGit(argv === 'check' ? stagedPatchArgs('HEAD') : commitLogArgs(HISTORY), root, process.env);
}
const nodeCache = (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache;
nodeCache?.();
const { run } = (
  nodeCache
    ? // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('./run')
    : loadBundle(path.join(__dirname, 'index.js'), path.join(__dirname, 'index.cache')).exports
) as typeof import('./run');

const readStdin = async (): Promise<string> => {
  if (process.stdin.isTTY) return ''; // run by hand: there is no ref list to wait for
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};
const progress = process.stderr.isTTY ? (line: string) => process.stderr.write(`\r\x1b[K${line}`) : undefined;

// Fail closed on anything that escapes run() (an exception in a stream callback, a rejected
// promise nobody awaits): exit 2 with one line, never exit 1 ("findings") with a stack trace.
const crash = (e: unknown) => {
  process.stderr.write(`ak-hook: error: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}\n`);
  process.exit(2);
};
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);

run(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stderrIsTTY: process.stderr.isTTY,
  stdin: readStdin,
  progress,
  self: __filename,
}).then(
  (r) => {
    process.exitCode = r.exitCode;
    // perf: exit as soon as both outputs are handed over (the callbacks), not after node has
    // torn down the heap and waited for every handle (a few ms on each blocked commit).
    let pending = 2;
    const done = () => --pending === 0 && process.exit();
    process.stdout.write(r.stdout ?? '', done);
    process.stderr.write(r.stderr ?? '', done);
  },
  (e: unknown) => {
    process.stderr.write(`ak-hook: error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
