import { mkdirSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { CLI, PROJECT, type Repo } from './repo';

/**
 * Makes the temp repository look like a project that ran `npm i -D ak-hook husky`:
 * node_modules/.bin/ak-hook is this checkout's built CLI, node_modules/husky the real husky.
 * node_modules is git-ignored, as in any npm project.
 */
export function installedProject(repo: Repo, opts: { husky?: boolean; packageJson?: object } = {}): void {
  const bin = path.join(repo.dir, 'node_modules/.bin');
  mkdirSync(bin, { recursive: true });
  symlinkSync(CLI, path.join(bin, 'ak-hook'));
  // As npm links the package's bin entries (the hook entry init installs among them).
  symlinkSync(path.join(path.dirname(CLI), 'pre-commit.sh'), path.join(bin, 'ak-hook-pre-commit'));
  if (opts.husky) symlinkSync(path.join(PROJECT, 'node_modules/husky'), path.join(repo.dir, 'node_modules/husky'));
  repo.write('.gitignore', 'node_modules/\n');
  repo.write('package.json', JSON.stringify(opts.packageJson ?? { name: 'demo', version: '1.0.0', private: true }, null, 2) + '\n');
}

/** Commits everything as it is, skipping hooks (test set-up only). */
export function commitAll(repo: Repo, message = 'init'): string {
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '--no-verify', '-m', message]);
  return repo.git(['rev-parse', 'HEAD']).trim();
}

export function masked(secret: string): string {
  return `${secret.slice(0, 4)}…${secret.slice(-4)}`;
}
