import * as path from 'node:path';
import { readText } from './git';

/**
 * Whether a hook script's text runs ak-hook: directly, or through lint-staged (whose config
 * then names ak-hook), or through the pre-commit framework (whose config names it).
 */
export function callsAkHook(text: string, root: string): boolean {
  const lines = text.split('\n').filter((l) => !/^\s*#/.test(l));
  const body = lines.join('\n');
  if (/\bak-hook\b/.test(body)) return true;
  if (/\blint-staged\b/.test(body)) {
    const configs = [
      'package.json',
      '.lintstagedrc',
      '.lintstagedrc.json',
      '.lintstagedrc.yaml',
      '.lintstagedrc.yml',
      '.lintstagedrc.js',
      '.lintstagedrc.cjs',
      '.lintstagedrc.mjs',
      'lint-staged.config.js',
      'lint-staged.config.mjs',
      'lint-staged.config.cjs',
    ];
    return configs.some((f) => {
      const t = readText(path.join(root, f));
      return (
        t !== undefined &&
        /ak-hook/.test(f === 'package.json' ? JSON.stringify((safeJson(t) as Record<string, unknown> | null)?.['lint-staged'] ?? '') : t)
      );
    });
  }
  if (/pre-commit\.com|pre_commit/.test(body)) return /ak-hook/.test(readText(path.join(root, '.pre-commit-config.yaml')) ?? '');
  return false;
}

function safeJson(t: string): unknown {
  try {
    return JSON.parse(t);
  } catch {
    return null;
  }
}
