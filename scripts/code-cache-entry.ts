// Build step (scripts/build.mjs): makes dist/index.cache, V8's code cache of dist/index.js for
// the bin on Node < 22.1 (src/cli/load-bundle.ts). The bundle is loaded the way the bin loads
// it and runs what a hook runs (a clean commit, a blocked one and a history scan, in a scratch
// repository), so the functions those runs compile are in the cache too. Best effort: on any failure no cache
// is written and the bin compiles the bundle as before.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { cacheHeader, loadBundle } from '../src/cli/load-bundle';

const [bundle, out] = process.argv.slice(2);

async function main(): Promise<void> {
  const { exports, script } = loadBundle(bundle, '/nonexistent');
  const { run } = exports as typeof import('../src/cli/run');
  const dir = mkdtempSync(path.join(tmpdir(), 'ak-hook-cache-'));
  try {
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: dir,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: path.join(dir, 'gitconfig'),
      GIT_AUTHOR_NAME: 'build',
      GIT_AUTHOR_EMAIL: 'build@example.com',
      GIT_COMMITTER_NAME: 'build',
      GIT_COMMITTER_EMAIL: 'build@example.com',
    };
    writeFileSync(env.GIT_CONFIG_GLOBAL!, '');
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env, stdio: 'pipe' });
    git('init', '-q', '-b', 'main');
    const code = (n: number) => Array.from({ length: n }, (_, i) => `export const value${i} = compute(${i}, "item-${i}");\n`).join('');
    writeFileSync(path.join(dir, 'app.ts'), code(20));
    git('add', '-A');
    git('commit', '-q', '--no-verify', '-m', 'init');
    writeFileSync(path.join(dir, 'app.ts'), code(21));
    git('add', '-A');
    await run(['check'], { cwd: dir, env });
    // A generated AccessKey id (never a literal in the repository).
    const alnum = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    const id = 'LT' + 'AI' + [...randomBytes(20)].map((b) => alnum[b % alnum.length]).join('');
    writeFileSync(path.join(dir, 'app.ts'), code(21) + `const accessKeyId = "${id}";\n`);
    git('add', '-A');
    const blocked = await run(['check'], { cwd: dir, env });
    if (blocked.exitCode !== 1) throw new Error(`the blocked run exited ${blocked.exitCode}`);
    // The history scan (`scan --history`, `check --range`, the pre-push hook): the key committed.
    git('commit', '-q', '--no-verify', '-m', 'key');
    const history = await run(['scan', '--history'], { cwd: dir, env });
    if (history.exitCode !== 1) throw new Error(`the history scan exited ${history.exitCode}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const data = script.createCachedData();
  writeFileSync(out, Buffer.concat([Buffer.from(cacheHeader(readFileSync(bundle), data) + '\n', 'latin1'), data]));
}

main().catch((e: unknown) => {
  process.stderr.write(`code cache not made: ${e instanceof Error ? e.message : String(e)}\n`);
  rmSync(out, { force: true });
});
