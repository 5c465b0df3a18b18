/**
 * Git LFS (real `git-lfs` as the clean filter, real `git commit` with the hook installed): a file
 * LFS tracks is staged as a pointer while its bytes wait in .git/lfs/objects to be pushed. The
 * hook scans the object the pointer names, through node and through the shell fast path; a
 * pointer whose object is not here is named as not scanned.
 */
import { readdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { KeyGen } from '../helpers/keygen';
import { json, makeRepo, PROJECT, type Repo } from '../helpers/repo';

const gen = new KeyGen(0x1f5);
const masked = (s: string) => s.slice(0, 4) + '…' + s.slice(-4);

/** A repository whose `*.env` and `*.bin` files go through git-lfs, as `git lfs track` leaves it. */
function lfsRepo(hook = `node ${JSON.stringify(path.join(PROJECT, 'dist/cli.js'))} check`): Repo {
  const repo = makeRepo({ hook: true });
  // What `git lfs install` writes, without its hooks (husky owns core.hooksPath here).
  repo.git(['config', 'filter.lfs.clean', 'git-lfs clean -- %f']);
  repo.git(['config', 'filter.lfs.smudge', 'git-lfs smudge -- %f']);
  repo.git(['config', 'filter.lfs.process', 'git-lfs filter-process']);
  repo.git(['config', 'filter.lfs.required', 'true']);
  repo.git(['lfs', 'track', '*.env', '*.bin']);
  repo.write('.husky/pre-commit', hook + '\n');
  repo.git(['add', '.gitattributes']);
  repo.git(['commit', '-q', '--no-verify', '-m', 'lfs']);
  return repo;
}

function keys(): { id: string; text: string } {
  const id = gen.akId();
  return { id, text: `APP=1\nALIBABA_CLOUD_ACCESS_KEY_ID=${id}\nALIBABA_CLOUD_ACCESS_KEY_SECRET=${gen.akSecret()}\n` };
}

test('git-lfs itself is what stages these files: the index holds a pointer', () => {
  const repo = lfsRepo();
  repo.write('prod.env', keys().text);
  repo.git(['add', 'prod.env']);
  expect(repo.git(['show', ':prod.env'])).toMatch(
    /^version https:\/\/git-lfs\.github\.com\/spec\/v1\noid sha256:[0-9a-f]{64}\nsize \d+\n$/,
  );
});

test.each([
  ['node', ''],
  ['the shell fast path', `sh ${JSON.stringify(path.join(PROJECT, 'dist/pre-commit.sh'))}`],
])('a key in a file LFS tracks blocks the commit (%s), at its line in the object', (_name, hook) => {
  const repo = lfsRepo(hook || undefined);
  const k = keys();
  repo.write('prod.env', k.text);
  repo.write('data.bin', Buffer.concat([Buffer.from([0, 1, 2, 0]), Buffer.from(`\nkey ${gen.akId()}\n`)]));
  repo.git(['add', 'prod.env', 'data.bin']);
  const r = repo.gitRaw(['commit', '-q', '-m', 'x']);
  expect(r.status).toBe(1);
  expect(r.stderr).toContain('prod.env:2:29');
  expect(r.stderr).toContain(masked(k.id));
  expect(r.stderr).not.toContain(k.id);
  expect(r.stderr).toContain('data.bin:2:5');
  expect(repo.git(['rev-list', '--count', 'HEAD']).trim()).toBe('1');
});

test('a changed LFS file reports only what the new object adds; a clean one commits in silence', () => {
  const repo = lfsRepo();
  const k = keys();
  repo.write('prod.env', k.text);
  repo.git(['add', 'prod.env']);
  repo.git(['commit', '-q', '--no-verify', '-m', 'old key']);
  const id = gen.akId();
  repo.write('prod.env', `${k.text}EXTRA_ID=${id}\n`);
  repo.git(['add', 'prod.env']);
  const found = json(repo.cli(['check', '--format', 'json'])).findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`);
  expect(found).toEqual(['prod.env:4:10 alibaba-access-key-id']);
  repo.write('prod.env', 'APP=2\n');
  repo.git(['add', 'prod.env']);
  const r = repo.gitRaw(['commit', '-q', '-m', 'clean']);
  expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
});

test('a pointer whose object is not in this repository is named as not scanned, in English and Chinese', () => {
  const repo = lfsRepo();
  repo.write('prod.env', keys().text);
  repo.git(['add', 'prod.env']);
  rmSync(path.join(repo.dir, '.git/lfs/objects'), { recursive: true, force: true });
  expect(readdirSync(path.join(repo.dir, '.git/lfs'))).not.toContain('objects');
  const r = repo.cli(['check', '--format', 'json']);
  expect(r.status).toBe(0);
  expect(JSON.parse(r.stdout).stats.unscanned).toEqual([{ path: 'prod.env', reason: 'missing', format: 'git-lfs' }]);
  expect(repo.cli(['check']).stderr).toContain('Not scanned (1 file): prod.env (git-lfs object not stored in this repository).');
  expect(repo.cli(['check', '--lang', 'zh']).stderr).toContain('未扫描（1 个文件）：prod.env（本仓库中没有该 git-lfs 对象）。');
});

test('commits pushed past the hook (--no-verify): check --range reads the LFS objects too', () => {
  const repo = lfsRepo();
  const k = keys();
  repo.write('prod.env', k.text);
  repo.git(['add', 'prod.env']);
  repo.git(['commit', '-q', '--no-verify', '-m', 'sneaked in']);
  const r = repo.cli(['check', '--range', 'HEAD~1..HEAD', '--format', 'json']);
  expect(r.status).toBe(1);
  expect(json(r).findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`)).toEqual([
    'prod.env:2 alibaba-access-key-id',
    'prod.env:3 alibaba-access-key-secret',
  ]);
});
