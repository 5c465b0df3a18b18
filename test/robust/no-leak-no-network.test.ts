import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { KeyGen } from '../helpers/keygen';
import { forgetOutputs, leaks } from '../helpers/no-leak';
import { installHook, makeRepo, PROJECT } from '../helpers/repo';

const NO_NET = path.join(__dirname, '../helpers/no-network.cjs');

describe('no network', () => {
  test('the preload really cuts the network off', () => {
    const r = spawnSync(process.execPath, ['-e', "require('node:http').get('http://127.0.0.1:9/')"], {
      env: { ...process.env, NODE_OPTIONS: `--require ${NO_NET}` },
      encoding: 'utf8',
    });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('network access attempted');
  });

  test('check, both backends and a blocked git commit work with networking made to fail', () => {
    const gen = new KeyGen(9);
    const repo = makeRepo({ hook: true });
    repo.env.NODE_OPTIONS = `--require ${NO_NET}`;
    const id = gen.akId();
    repo.write('a.txt', `key ${id}\n`);
    repo.git(['add', '.']);
    for (const b of ['native', 'isomorphic']) {
      const r = repo.cli(['check', '--git-backend', b, '--format', 'json']);
      expect(r.status).toBe(1);
      expect(r.stderr).not.toContain('network');
      expect(JSON.parse(r.stdout).findings).toHaveLength(1);
    }
    const c = repo.gitRaw(['commit', '-q', '-m', 'x']);
    expect(c.status).not.toBe(0);
    expect(c.stderr).toContain('a.txt:1:5');
    installHook(repo, repo.dir, `sh ${JSON.stringify(path.join(PROJECT, 'dist/pre-commit.sh'))}`);
    expect(repo.gitRaw(['commit', '-q', '-m', 'x']).stderr).toContain('a.txt:1:5');
  });
});

describe('no leak', () => {
  test('the suite-wide check sees a secret written by a command it watches', () => {
    const secret = new KeyGen(10).akId();
    spawnSync(process.execPath, ['-e', `process.stdout.write(${JSON.stringify(secret)})`]);
    expect(leaks()).toHaveLength(1);
    forgetOutputs();
    expect(leaks()).toEqual([]);
  });
});
