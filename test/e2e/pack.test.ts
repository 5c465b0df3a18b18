/**
 * The artifact users get: `npm pack`, installed into a fresh repository with `npm i -D`,
 * set up with `npx ak-hook init` (which installs husky from the registry, the real path),
 * then a real `git commit` of a generated key is refused and a clean one passes. The one
 * slow test of the suite.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { KeyGen } from '../helpers/keygen';
import { masked } from '../helpers/project';
import { makeRepo, PROJECT, tmpDir, type Repo } from '../helpers/repo';

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
  // One bundle (dist/index.js) and its V8 code cache; the bin is a few lines that load it.
  expect(listing).toEqual([
    'package/LICENSE',
    'package/README.md',
    'package/dist/cli.js',
    'package/dist/doctor.js',
    'package/dist/index.cache',
    'package/dist/index.js',
    'package/dist/pre-commit.sh',
    'package/dist/re2.js',
    'package/dist/schema-check.js',
    'package/dist/verify.js',
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
  const env = npmEnv(repo);
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
  expect(init).toContain('created .husky/pre-commit running "ak-hook-pre-commit"');
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '-m', 'set-up']);
  // The lazily loaded bundles (dist/doctor.js, dist/verify.js) load from the installed package.
  const doctor = JSON.parse(
    spawnSync('npx', ['--no-install', 'ak-hook', 'doctor', '--format', 'json'], { cwd: repo.dir, env, encoding: 'utf8' }).stdout,
  );
  expect(doctor.checks[0]).toMatchObject({ id: 'pre-commit-hook', status: 'ok' });
  const verify = spawnSync('npx', ['--no-install', 'ak-hook', 'verify', '--stdin'], { cwd: repo.dir, env, input: 'x\n', encoding: 'utf8' });
  expect(verify).toMatchObject({ status: 2, stderr: expect.stringContaining('standard input holds no credential') });

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

  // Every added byte (issue 9), as installed: a key after a NUL byte, a key in a new file's
  // name; an xz file (no reader for it) is named as not scanned on a clean commit.
  const k2 = gen.akId();
  repo.write('a.env', Buffer.from(`a\0\nALIBABA_CLOUD_ACCESS_KEY_ID=${k2}\n`));
  repo.write(`keys/${gen.akId()}.txt`, 'nothing\n');
  repo.git(['add', '-A']);
  const nul = repo.gitRaw(['commit', '-q', '-m', 'bytes'], { env });
  expect(nul.status).toBe(1);
  expect(nul.stderr).toContain('a.env:2:29');
  expect(nul.stderr).toContain('(in the file name)');
  repo.git(['rm', '-rq', '--cached', 'a.env', 'keys']);
  repo.write('notes.xz', Buffer.concat([Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]), Buffer.alloc(64, 3)]));
  repo.git(['add', 'notes.xz']);
  const xz = repo.gitRaw(['commit', '-q', '-m', 'xz'], { env });
  expect(xz.status).toBe(0);
  expect(xz.stderr).toContain('Not scanned (1 file): notes.xz (xz, compressed).');
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

/** A fresh repository with the packed tarball installed (npm init, npm i -D <tgz>). */
function installedFromTarball(): { repo: Repo; env: NodeJS.ProcessEnv; sh: (cmd: string, args: string[]) => string } {
  const out = tmpDir('akh-pack-');
  execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', out], { cwd: PROJECT, stdio: 'pipe' });
  const tgz = path.join(
    out,
    readdirSync(out).find((f) => f.endsWith('.tgz'))!,
  );
  const repo = makeRepo();
  const env = npmEnv(repo);
  const sh = (cmd: string, args: string[]) => {
    const r = spawnSync(cmd, args, { cwd: repo.dir, env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}${r.stdout}`);
    return r.stdout;
  };
  sh('npm', ['init', '-y']);
  repo.write('.gitignore', 'node_modules/\n');
  sh('npm', ['i', '-D', tgz]);
  return { repo, env, sh };
}

test('packed: init --plain → hooks in .git/hooks; a key is refused, a widening config is named, sparse checkout keeps the hook, a missing package fails closed', () => {
  const { repo, env, sh } = installedFromTarball();
  const init = sh('npx', ['--no-install', 'ak-hook', 'init', '--plain']);
  expect(init).toContain('created .git/hooks/pre-commit');
  expect(init).toContain('created .git/hooks/pre-push');
  expect(repo.gitRaw(['config', 'core.hooksPath']).stdout).toBe('');
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '-m', 'set-up'], { env });

  const id = gen.akId();
  repo.write('src/config.js', `module.exports = { accessKeyId: '${id}' };\n`);
  repo.git(['add', 'src/config.js']);
  const blocked = repo.gitRaw(['commit', '-q', '-m', 'key'], { env });
  expect(blocked.status).toBe(1);
  expect(blocked.stderr).toContain('src/config.js:1:34');

  // The key together with a config that excludes everything: it applies, and says so.
  repo.write('.akhookrc.json', '{"exclude": ["**"]}\n');
  repo.git(['add', '.akhookrc.json']);
  const widened = repo.gitRaw(['commit', '-q', '-m', 'widen'], { env });
  expect(widened.status).toBe(0);
  expect(widened.stderr).toContain('this commit changes the ak-hook config (.akhookrc.json)');
  expect(widened.stderr).toContain(masked(id));
  repo.git(['rm', '-q', '.akhookrc.json', 'src/config.js']);
  repo.git(['commit', '-q', '--no-verify', '-m', 'undo']);

  // sparse checkout (cone) removes husky's .husky/_; the hook in .git/hooks stays.
  repo.git(['sparse-checkout', 'init', '--cone']);
  const id2 = gen.akId();
  repo.write('b.js', `const id = '${id2}';\n`);
  repo.git(['add', 'b.js']);
  expect(repo.gitRaw(['commit', '-q', '-m', 'sparse'], { env }).status).toBe(1);
  repo.git(['sparse-checkout', 'disable']);

  // node_modules gone: the hook stops the commit with the fix, in en and zh.
  rmSync(path.join(repo.dir, 'node_modules'), { recursive: true, force: true });
  const closed = repo.gitRaw(['commit', '-q', '-m', 'no package'], { env });
  expect(closed.status).not.toBe(0);
  expect(closed.stderr).toContain('ak-hook: not installed in this project');
  expect(closed.stderr).toContain('Fix: run "npm ci"');
  expect(closed.stderr).toContain('ak-hook：本项目未安装 ak-hook');
  expect(closed.stderr).not.toContain(id2);

  // uninstall (from the tarball again) removes exactly the two scripts.
  sh('npm', ['i']);
  const un = sh('npx', ['--no-install', 'ak-hook', 'uninstall']);
  expect(un).toContain('deleted .git/hooks/pre-commit');
  expect(existsSync(path.join(repo.dir, '.git/hooks/pre-commit'))).toBe(false);
  expect(existsSync(path.join(repo.dir, '.git/hooks/pre-push'))).toBe(false);
});

/** npm in a test repo: the machine's npm cache (the temp HOME has none), preferred to the network. */
function npmEnv(repo: Repo): NodeJS.ProcessEnv {
  const cache = execFileSync('npm', ['config', 'get', 'cache'], { encoding: 'utf8' }).trim();
  return {
    ...repo.env,
    npm_config_cache: cache,
    npm_config_prefer_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
  };
}
