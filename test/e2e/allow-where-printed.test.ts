/**
 * The allow command in the blocking message runs the same installed ak-hook, from where it is
 * printed (issue 12): in a monorepo sub-package it is `cd <pkg> && npx --no ak-hook …`, which
 * never fetches from the registry, and it allows the id and its secret in one go.
 */
import { copyFileSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { KeyGen } from '../helpers/keygen';
import { commitAll } from '../helpers/project';
import { makeRepo, PROJECT } from '../helpers/repo';

const gen = new KeyGen(20261215);

test('a sub-package install: the printed `cd packages/app && npx --no ak-hook allow …` works as printed (reason filled in)', () => {
  const repo = makeRepo();
  // packages/app has ak-hook installed (as npm would lay it out); the hook runs that copy.
  const nm = path.join(repo.dir, 'packages/app/node_modules');
  mkdirSync(path.join(nm, '.bin'), { recursive: true });
  mkdirSync(path.join(nm, 'ak-hook/dist'), { recursive: true });
  copyFileSync(path.join(PROJECT, 'package.json'), path.join(nm, 'ak-hook/package.json'));
  for (const f of readdirSync(path.join(PROJECT, 'dist')).filter((n) => n.endsWith('.js')))
    copyFileSync(path.join(PROJECT, 'dist', f), path.join(nm, 'ak-hook/dist', f));
  symlinkSync('../ak-hook/dist/cli.js', path.join(nm, '.bin/ak-hook'));
  repo.write('packages/app/package.json', '{ "name": "app", "private": true }\n');
  repo.write('.gitignore', 'node_modules/\n');
  repo.write('.git/hooks/pre-commit', '#!/bin/sh\nexec packages/app/node_modules/.bin/ak-hook check\n');
  spawnSync('chmod', ['+x', path.join(repo.dir, '.git/hooks/pre-commit')]);
  commitAll(repo);

  repo.write('packages/app/cfg.js', `module.exports = { accessKeyId: '${gen.akId()}', accessKeySecret: '${gen.akSecret()}' };\n`);
  repo.git(['add', 'packages/app/cfg.js']);
  const blocked = repo.gitRaw(['commit', '-q', '-m', 'key']);
  expect(blocked.status).toBe(1);
  const line = /(cd packages\/app && npx --no ak-hook allow (?:akfp1:[0-9a-f]{32} ){2}--reason "[^"]+")/.exec(blocked.stderr)?.[1];
  expect(line).toBeDefined();
  expect(blocked.stderr).toContain('cd packages/app && npx --no ak-hook allow --last --reason');
  // No registry: npm may not reach the network (a fetch would fail, not hang).
  const env = { ...repo.env, npm_config_offline: 'true', npm_config_update_notifier: 'false' };
  const allowed = spawnSync('bash', ['-c', line!.replace('why this is safe', 'sample pair from the SDK docs')], {
    cwd: repo.dir,
    env,
    encoding: 'utf8',
  });
  expect(allowed.stderr).toBe('');
  expect(allowed.status).toBe(0);
  expect(allowed.stdout).toContain('added 2 allow entries');
  repo.git(['add', '.akhookrc.json']);
  expect(repo.gitRaw(['commit', '-q', '-m', 'key']).status).toBe(0);
});
