/**
 * The parts of `npm run eval` measured on outside truth (scripts/eval.mjs prints them after
 * the template corpus): the peers' suites, and real third-party code.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { evaluatePeers, formatPeers, unexplained } from './peers/evaluate';
import { defaultRealCodeDir, formatRealCode, scanRealCode } from './real-code';

/** Prints the peers' part; returns the number of unexplained disagreements (gaps). */
export function peers(write: (s: string) => void): number {
  const results = evaluatePeers();
  write(`\n${formatPeers(results)}`);
  return unexplained(results).length;
}

/** Prints the real-code part (builds dist/ first when it is missing). `dirs` default to node_modules. */
export function realCode(root: string, dirs: readonly string[], write: (s: string) => void): void {
  const cli = path.join(root, 'dist/cli.js');
  if (!existsSync(cli)) spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
  const targets = dirs.length > 0 ? dirs : [defaultRealCodeDir(root)].filter((d): d is string => d !== null);
  for (const d of targets) write(`\n${formatRealCode(d, scanRealCode(d, cli))}`);
}
