/**
 * The artifact users get: `npm pack`, installed into a fresh repository with `npm i -D`,
 * set up with `npx ak-hook init` (which installs husky from the registry, the real path),
 * then a real `git commit` of a generated key is refused and a clean one passes. The one
 * slow test of the suite.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { KeyGen } from '../helpers/keygen';
import { masked } from '../helpers/project';
import { makeRepo, PROJECT, tmpDir, type Repo } from '../helpers/repo';

const gen = new KeyGen(20261133);

test('npm pack → npm i -D → npx ak-hook init → git commit refused with a key, accepted without', () => {
  const out = tmpDir('akh-pack-');
  // dist/ is built by `npm test` (and `prepare`) before the suite runs.
  execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', out], { cwd: PROJECT, stdio: 'pipe' });
  const tgz = path.join(
    out,
    readdirSync(out).find((f) => f.endsWith('.tgz'))!,
  );
  const listing = execFileSync('tar', ['tzf', tgz], { encoding: 'utf8' }).split('\n').filter(Boolean).sort();
  expect(listing).toEqual([
    'package/README.md',
    'package/dist/cli-main.js',
    'package/dist/cli.js',
    'package/dist/doctor.js',
    'package/dist/index.js',
    'package/dist/pre-commit.sh',
    'package/dist/re2.js',
    'package/dist/verify.js',
    'package/dist/yaml.js',
    'package/hooks/pre-commit',
    'package/hooks/pre-push',
    'package/package.json',
    'package/schema/akhookrc.schema.json',
  ]);

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
  const sh = (cmd: string, args: string[]) => {
    const r = spawnSync(cmd, args, { cwd: repo.dir, env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}${r.stdout}`);
    return r.stdout;
  };
  sh('npm', ['init', '-y']);
  repo.write('.gitignore', 'node_modules/\n');
  sh('npm', ['i', '-D', tgz]);
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
});

/** A fresh repository with the packed tarball installed (npm init, npm i -D <tgz>). */
function installedFromTarball(): { repo: Repo; env: NodeJS.ProcessEnv; sh: (cmd: string, args: string[]) => string } {
  const out = tmpDir('akh-pack-');
  execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', out], { cwd: PROJECT, stdio: 'pipe' });
  const tgz = path.join(
    out,
    readdirSync(out).find((f) => f.endsWith('.tgz'))!,
  );
  const repo = makeRepo();
  const cache = execFileSync('npm', ['config', 'get', 'cache'], { encoding: 'utf8' }).trim();
  const env = {
    ...repo.env,
    npm_config_cache: cache,
    npm_config_prefer_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
  };
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
