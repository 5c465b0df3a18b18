// Bundles a TypeScript entry with esbuild into a temporary CommonJS file and loads it, so
// scripts can use the sources (rules, scorer) without a TypeScript runtime.
import { buildSync } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function loadTs(entry, define = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'akh-ts-'));
  const out = path.join(dir, 'entry.cjs');
  try {
    buildSync({
      entryPoints: [path.join(ROOT, entry)],
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      outfile: out,
      external: ['iconv-lite'],
      define,
      logLevel: 'error',
    });
    return createRequire(import.meta.url)(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
