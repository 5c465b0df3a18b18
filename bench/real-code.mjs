// The real-code scenario of issue 11: this project's installed node_modules (third-party JS/TS/
// JSON/Markdown nobody here wrote, dense in words like "task" and "second") staged as one commit
// in a scratch repository under bench/.work/. Built once and cached; `git add` of ~8k files
// takes a few seconds.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { GIT_ENV } from './gen-repo.mjs';

/** Where the node_modules to stage comes from (the shared install of the main checkout). */
export function realCodeSource(root) {
  const main = '/work/main/node_modules';
  return process.env.BENCH_REAL_CODE ?? (existsSync(main) ? main : path.join(root, 'node_modules'));
}

/** A repository with one empty commit and the whole node_modules staged (not committed). */
export function ensureRealCodeRepo(work, source) {
  const repo = path.join(work, 'real-code');
  const done = path.join(work, 'real-code.done');
  if (existsSync(done) && existsSync(path.join(repo, '.git'))) return repo;
  rmSync(repo, { recursive: true, force: true });
  mkdirSync(repo, { recursive: true });
  const git = (...args) =>
    execFileSync('git', args, { cwd: repo, env: GIT_ENV, stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1 << 26 });
  git('init', '-q', '-b', 'main');
  git('commit', '-q', '--allow-empty', '-m', 'empty');
  // Dereference symlinks (.bin entries) so the copy does not point back into the source.
  cpSync(source, path.join(repo, 'vendor'), { recursive: true, dereference: true });
  // A nested package's own .gitignore would hide files: stage everything that was copied.
  git('add', '-f', '--', 'vendor');
  writeFileSync(done, new Date().toISOString() + '\n');
  return repo;
}
