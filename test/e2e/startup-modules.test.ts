import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { makeRepo, tmpDir } from '../helpers/repo';
import { KeyGen } from '../helpers/keygen';

/**
 * perf (issue 5, the 1-file rows): a clean commit loads no module it does not use. node:crypto
 * (a finding's fingerprint, a blob hashed against its id) and node:fs/promises (an LFS object)
 * are loaded on first use; the code cache is checked with zlib's CRC-32, not SHA-256. A blocked
 * commit still loads what it needs and blocks.
 */
const gen = new KeyGen(20261203);

/** Runs `ak-hook check` with a preload that writes the built-in modules the process loaded. */
function checkWithModules(repo: ReturnType<typeof makeRepo>): { status: number | null; modules: string[]; stderr: string } {
  const dir = tmpDir('akh-modules-');
  const out = path.join(dir, 'modules.json');
  const preload = path.join(dir, 'preload.cjs');
  writeFileSync(
    preload,
    `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify(process.moduleLoadList)));\n`,
  );
  const r = repo.cli(['check'], { env: { NODE_OPTIONS: `--require ${preload}` } });
  const list = JSON.parse(readFileSync(out, 'utf8')) as string[];
  return {
    status: r.status,
    modules: list.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice('NativeModule '.length)),
    stderr: r.stderr,
  };
}

test('a clean commit loads neither node:crypto nor node:fs/promises; a blocked one blocks', () => {
  const repo = makeRepo();
  repo.write('app.ts', 'export const a = 1;\n');
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '--no-verify', '-m', 'init']);
  repo.write('app.ts', 'export const a = 1;\nexport const b = compute(a, "item-2");\n');
  repo.git(['add', '-A']);
  const clean = checkWithModules(repo);
  expect(clean.status).toBe(0);
  expect(clean.modules).toContain('child_process'); // the list is read
  expect(clean.modules).not.toContain('crypto');
  expect(clean.modules).not.toContain('fs/promises');

  repo.write('app.ts', `export const a = 1;\nconst accessKeyId = "${gen.akId()}";\n`);
  repo.git(['add', '-A']);
  const blocked = checkWithModules(repo);
  expect(blocked.status).toBe(1);
  expect(blocked.stderr).toContain('alibaba-access-key-id');
  expect(blocked.modules).toContain('crypto'); // the finding's fingerprint
});
