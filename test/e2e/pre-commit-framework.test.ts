/**
 * The pre-commit framework (https://pre-commit.com) runs our .pre-commit-hooks.yaml: Debian 12's
 * pre-commit 3.0.4 accepts only the old stage names, newer ones accept them too. `try-repo`
 * installs the hook as pre-commit does (npm install, npm pack, npm install -g of the tarball)
 * and runs it on a real staged key. Slow: one environment install (~1 min).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { KeyGen } from '../helpers/keygen';
import { makeRepo, PROJECT, tmpDir } from '../helpers/repo';

const gen = new KeyGen(20261214);

test('pre-commit try-repo: the hook blocks a staged key and passes a clean change', () => {
  const repo = makeRepo();
  const cache = execFileSync('npm', ['config', 'get', 'cache'], { encoding: 'utf8' }).trim();
  const env = {
    ...repo.env,
    PRE_COMMIT_HOME: tmpDir('akh-pc-'),
    npm_config_cache: cache,
    npm_config_prefer_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  const tryRepo = () => spawnSync('pre-commit', ['try-repo', PROJECT, 'ak-hook', '--verbose'], { cwd: repo.dir, env, encoding: 'utf8' });
  expect(spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status).toBe(0);

  const id = gen.akId();
  repo.write(path.join('src', 'config.js'), `module.exports = { accessKeyId: '${id}' };\n`);
  repo.git(['add', 'src/config.js']);
  const blocked = tryRepo();
  expect(blocked.stdout).not.toContain('InvalidManifestError');
  expect(blocked.status).toBe(1);
  expect(blocked.stdout).toContain('commit blocked');
  expect(blocked.stdout).toContain('src/config.js:1:');
  expect(blocked.stdout + blocked.stderr).not.toContain(id);

  repo.write('src/config.js', 'module.exports = { accessKeyId: process.env.ALIBABA_CLOUD_ACCESS_KEY_ID };\n');
  repo.git(['add', 'src/config.js']);
  const clean = tryRepo();
  expect(clean.status).toBe(0);
  expect(clean.stdout).toMatch(/ak-hook \(block cloud AccessKeys and passwords\)\.+Passed/);
}, 600_000);

test('the README form: a local hook with language node and the package as additional_dependencies', () => {
  const repo = makeRepo();
  const out = tmpDir('akh-pc-pack-');
  execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', out], { cwd: PROJECT, stdio: 'pipe' });
  const tgz = path.join(
    out,
    'ak-hook-' + (JSON.parse(readFileSync(path.join(PROJECT, 'package.json'), 'utf8')).version as string) + '.tgz',
  );
  // As in the README, with the packed tarball in place of 'ak-hook@<version>' from the registry.
  repo.write(
    '.pre-commit-config.yaml',
    [
      'repos:',
      '  - repo: local',
      '    hooks:',
      '      - id: ak-hook',
      '        name: ak-hook',
      '        entry: ak-hook check',
      '        language: node',
      `        additional_dependencies: ['${tgz}']`,
      '        pass_filenames: false',
      '        always_run: true',
      '        stages: [commit]',
      '',
    ].join('\n'),
  );
  const id = gen.akId();
  repo.write('app.js', `const accessKeyId = '${id}';\n`);
  repo.git(['add', '.pre-commit-config.yaml', 'app.js']);
  const env = {
    ...repo.env,
    PRE_COMMIT_HOME: tmpDir('akh-pc-'),
    npm_config_cache: execFileSync('npm', ['config', 'get', 'cache'], { encoding: 'utf8' }).trim(),
    npm_config_prefer_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
  };
  const blocked = spawnSync('pre-commit', ['run', 'ak-hook'], { cwd: repo.dir, env, encoding: 'utf8' });
  expect(blocked.status).toBe(1);
  expect(blocked.stdout).toContain('app.js:1:');
  expect(blocked.stdout).not.toContain(id);
  // The printed allow command runs the copy pre-commit installed, never a download.
  expect(blocked.stdout).toMatch(/false positive\?\s+node \S+ allow akfp1:/);
}, 600_000);
