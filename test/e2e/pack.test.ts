/**
 * The artifact users get: `npm pack`, installed into a fresh repository with `npm i -D`,
 * set up with `npx ak-hook init` (which installs husky from the registry, the real path),
 * then a real `git commit` of a generated key is refused and a clean one passes. The one
 * slow test of the suite.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { KeyGen } from '../helpers/keygen';
import { makeRepo, PROJECT, tmpDir } from '../helpers/repo';

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
    'package/dist/index.js',
    'package/dist/pre-commit.sh',
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

  // Every added byte (issue 9), as installed: a key after a NUL byte, a key in a new file's
  // name; a gzip is named as not scanned on a clean commit.
  const k2 = gen.akId();
  repo.write('a.env', Buffer.from(`a\0\nALIBABA_CLOUD_ACCESS_KEY_ID=${k2}\n`));
  repo.write(`keys/${gen.akId()}.txt`, 'nothing\n');
  repo.git(['add', '-A']);
  const nul = repo.gitRaw(['commit', '-q', '-m', 'bytes'], { env });
  expect(nul.status).toBe(1);
  expect(nul.stderr).toContain('a.env:2:29');
  expect(nul.stderr).toContain('(in the file name)');
  repo.git(['rm', '-rq', '--cached', 'a.env', 'keys']);
  repo.write('notes.gz', gzipSync(Buffer.from('notes\n')));
  repo.git(['add', 'notes.gz']);
  const gz = repo.gitRaw(['commit', '-q', '-m', 'gz'], { env });
  expect(gz.status).toBe(0);
  expect(gz.stderr).toContain('Not scanned (1 file): notes.gz (gzip, compressed).');
});
