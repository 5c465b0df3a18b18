/**
 * isomorphic-git is an optional peer dependency (issue 12): the installed package never loads it
 * on the native path, and without it the pure-JavaScript reader fails closed with what to install.
 */
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { makeRepo, PROJECT, tmpDir } from '../helpers/repo';

test('without isomorphic-git: native works, --git-backend isomorphic exits 2 naming the package', () => {
  // The built bundle alone, where no node_modules can be found above it.
  const dist = path.join(tmpDir('akh-noiso-'), 'dist');
  mkdirSync(dist);
  for (const f of readdirSync(path.join(PROJECT, 'dist')).filter((n) => n.endsWith('.js')))
    copyFileSync(path.join(PROJECT, 'dist', f), path.join(dist, f));
  const repo = makeRepo();
  repo.write('a.txt', 'hello\n');
  repo.git(['add', 'a.txt']);
  const cli = (args: string[]) =>
    spawnSync(process.execPath, [path.join(dist, 'cli.js'), ...args], { cwd: repo.dir, env: repo.env, encoding: 'utf8' });
  expect(cli(['check', '--git-backend', 'native'])).toMatchObject({ status: 0, stderr: '' });
  const iso = cli(['check', '--git-backend', 'isomorphic']);
  expect(iso.status).toBe(2);
  expect(iso.stderr).toContain('isomorphic-git (the pure-JavaScript reader) is not installed');
  expect(iso.stderr).toContain('npm i -D isomorphic-git');
  const zh = cli(['check', '--git-backend', 'isomorphic', '--lang', 'zh']);
  expect(zh.stderr).toContain('也没有安装 isomorphic-git');
});
