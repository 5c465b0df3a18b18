/**
 * The artifact users get: `npm pack`, installed into a fresh repository with `npm i -D`,
 * set up with `npx ak-hook init` (which installs husky from the registry, the real path),
 * then a real `git commit` of a generated key is refused and a clean one passes. The one
 * slow test of the suite.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { KeyGen } from '../helpers/keygen';
import { makeRepo, PROJECT, tmpDir } from '../helpers/repo';

const gen = new KeyGen(20261133);

test('npm pack → npm i -D → npx ak-hook init → git commit refused with a key, accepted without', () => {
  const out = tmpDir('akh-pack-');
  // dist/ is built by `npm test` before the suite runs (and by `prepack` when packing for real).
  execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', out], { cwd: PROJECT, stdio: 'pipe' });
  const tgz = path.join(
    out,
    readdirSync(out).find((f) => f.endsWith('.tgz'))!,
  );
  const all = execFileSync('tar', ['tzf', tgz], { encoding: 'utf8' }).split('\n').filter(Boolean).sort();
  const listing = all.filter((f) => !f.startsWith('package/dist/types/'));
  // One bundle (dist/index.js); the bin is a few lines that require it.
  expect(listing).toEqual([
    'package/LICENSE',
    'package/README.md',
    'package/dist/cli.js',
    'package/dist/index.js',
    'package/dist/pre-commit.sh',
    'package/dist/yaml.js',
    'package/hooks/pre-commit',
    'package/hooks/pre-push',
    'package/package.json',
    'package/schema/akhookrc.schema.json',
  ]);
  expect(all).toContain('package/dist/types/index.d.ts');
  expect(all.filter((f) => f.startsWith('package/dist/types/')).every((f) => f.endsWith('.d.ts') || f.endsWith('/'))).toBe(true);
  // The published manifest runs nothing at install time, and needs no runtime dependency.
  const manifest = JSON.parse(execFileSync('tar', ['xzOf', tgz, 'package/package.json'], { encoding: 'utf8' }));
  for (const s of ['preinstall', 'install', 'postinstall', 'prepare']) expect(manifest.scripts?.[s]).toBeUndefined();
  expect(manifest.dependencies).toBeUndefined();

  const repo = makeRepo();
  // The machine's npm cache (the temp HOME has none), preferring it to the network.
  const cache = execFileSync('npm', ['config', 'get', 'cache'], { encoding: 'utf8' }).trim();
  const env = {
    ...repo.env,
    npm_config_cache: cache,
    npm_config_prefer_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
  };
  let lastStderr = '';
  const sh = (cmd: string, args: string[]) => {
    const r = spawnSync(cmd, args, { cwd: repo.dir, env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}${r.stdout}`);
    lastStderr = r.stderr;
    return r.stdout;
  };
  sh('npm', ['init', '-y']);
  repo.write('.gitignore', 'node_modules/\n');
  // Installing prints no warning (npm 11 warns about any install-time script) and adds one package.
  const installed = sh('npm', ['i', '-D', tgz]);
  expect(lastStderr).toBe('');
  expect(installed).toContain('added 1 package');
  typescriptConsumerCompiles(repo.dir);
  // The plain hooks stay executable (for core.hooksPath node_modules/ak-hook/hooks).
  for (const h of ['pre-commit', 'pre-push'])
    expect(statSync(path.join(repo.dir, 'node_modules/ak-hook/hooks', h)).mode & 0o111).toBe(0o111);
  const init = sh('npx', ['--no-install', 'ak-hook', 'init']);
  expect(init).toContain('ran: npm install --save-dev --no-audit --no-fund husky@^9');
  expect(init).toContain('created .husky/pre-commit running "ak-hook check"');
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '-m', 'set-up']);

  const id = gen.akId();
  repo.write('src/config.js', `module.exports = { accessKeyId: '${id}' };\n`);
  repo.git(['add', 'src/config.js']);
  const before = repo.snapshot();
  const blocked = repo.gitRaw(['commit', '-q', '-m', 'key'], { env });
  expect(blocked.status).toBe(1);
  expect(blocked.stderr).toContain('commit blocked');
  expect(blocked.stderr).toContain('src/config.js:1:34');
  expect(blocked.stderr).not.toContain(id);
  expect(repo.snapshot()).toBe(before);

  repo.write('src/config.js', 'module.exports = { accessKeyId: process.env.ALIBABA_CLOUD_ACCESS_KEY_ID };\n');
  repo.git(['add', 'src/config.js']);
  expect(repo.gitRaw(['commit', '-q', '-m', 'clean'], { env })).toMatchObject({ status: 0, stderr: '' });
  expect(repo.git(['rev-list', '--count', 'HEAD']).trim()).toBe('2');
});

/** A TypeScript consumer of the documented API compiles against the packed .d.ts (and a wrong use does not). */
function typescriptConsumerCompiles(dir: string): void {
  const tsc = path.join(PROJECT, 'node_modules/typescript/bin/tsc');
  const tsconfig = {
    compilerOptions: {
      target: 'ES2022',
      module: 'node16',
      moduleResolution: 'node16',
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      types: ['node'],
      typeRoots: [path.join(PROJECT, 'node_modules/@types')],
    },
    files: ['consumer.ts'],
  };
  writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
  const consumer = (extra: string) =>
    [
      "import { check, scanTree, scanCommits, maskSecret, AkHookError, RULES } from 'ak-hook';",
      "import type { CheckResult, Finding, TreeScanResult, CommitsResult, Rule } from 'ak-hook';",
      'export async function gate(cwd: string): Promise<number> {',
      '  const r: CheckResult = await check({ cwd, env: process.env });',
      '  const f: Finding[] = r.findings;',
      '  const t: TreeScanResult = await scanTree({ cwd, env: process.env });',
      '  const c: CommitsResult = await scanCommits({ cwd, env: process.env, select: { include: ["HEAD"] } });',
      '  const rules: readonly Rule[] = RULES;',
      '  const e = new AkHookError("E_USAGE", "x");',
      '  return f.length + t.unusedBaseline + c.findings.length + rules.length + maskSecret("abc").length + e.code.length;',
      '}',
      extra,
    ].join('\n');
  writeFileSync(path.join(dir, 'consumer.ts'), consumer(''));
  const ok = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: dir, encoding: 'utf8' });
  expect(ok.stdout + ok.stderr).toBe('');
  expect(ok.status).toBe(0);
  writeFileSync(path.join(dir, 'consumer.ts'), consumer('export const wrong: number = check;'));
  const bad = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: dir, encoding: 'utf8' });
  expect(bad.status).not.toBe(0);
  rmSync(path.join(dir, 'consumer.ts'));
  rmSync(path.join(dir, 'tsconfig.json'));
}
