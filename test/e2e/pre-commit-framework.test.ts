/**
 * The pre-commit framework (https://pre-commit.com) runs our .pre-commit-hooks.yaml: Debian 12's
 * pre-commit 3.0.4 accepts only the old stage names, newer ones accept them too. `try-repo`
 * installs the hook as pre-commit does (npm install, npm pack, npm install -g of the tarball)
 * and runs it on a real staged key. Slow: one environment install (~1 min).
 */
import { execFileSync, spawnSync } from 'node:child_process';
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
