import { existsSync } from 'node:fs';
import * as path from 'node:path';

export type PackageManager = 'npm' | 'pnpm' | 'yarn' | 'bun';

/**
 * The project's package manager: package.json's `packageManager` field (corepack's
 * `pnpm@9.1.0`), else its lockfile, else npm.
 */
export function detectPackageManager(root: string, packageManagerField: unknown): PackageManager {
  const named = typeof packageManagerField === 'string' ? /^(npm|pnpm|yarn|bun)@/.exec(packageManagerField)?.[1] : undefined;
  if (named) return named as PackageManager;
  const has = (f: string) => existsSync(path.join(root, f));
  if (has('pnpm-lock.yaml')) return 'pnpm';
  if (has('yarn.lock')) return 'yarn';
  if (has('bun.lockb') || has('bun.lock')) return 'bun';
  return 'npm';
}

/** The command that adds a dev dependency with that package manager. */
export function addDevCommand(pm: PackageManager, spec: string): [string, string[]] {
  switch (pm) {
    case 'pnpm':
      return ['pnpm', ['add', '--save-dev', spec]];
    case 'yarn':
      return ['yarn', ['add', '--dev', spec]];
    case 'bun':
      return ['bun', ['add', '--dev', spec]];
    default:
      return ['npm', ['install', '--save-dev', '--no-audit', '--no-fund', spec]];
  }
}
