/**
 * ak-hook as a task of real lint-staged 16 (which passes absolute paths and, by default,
 * hides unstaged changes of partially staged files while tasks run), driving a real
 * `git commit` through husky. Only what the commit will contain decides.
 */
import { mkdirSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { KeyGen } from '../helpers/keygen';
import { commitAll, installedProject, masked } from '../helpers/project';
import { installHook, makeRepo, PROJECT, type Repo } from '../helpers/repo';

const gen = new KeyGen(20261132);

function lintStagedRepo(flags: string, after = ''): Repo {
  const repo = makeRepo();
  installedProject(repo, { husky: true, packageJson: { name: 'demo', private: true, 'lint-staged': { '*.js': 'ak-hook check' } } });
  mkdirSync(path.join(repo.dir, 'node_modules/.bin'), { recursive: true });
  symlinkSync(path.join(PROJECT, 'node_modules/lint-staged'), path.join(repo.dir, 'node_modules/lint-staged'));
  symlinkSync('../lint-staged/bin/lint-staged.js', path.join(repo.dir, 'node_modules/.bin/lint-staged'));
  installHook(repo, repo.dir, `lint-staged --quiet ${flags}`.trim() + after);
  repo.write('src/app.js', 'const a = 1;\n');
  repo.write('README.md', '# demo\n');
  commitAll(repo);
  return repo;
}

describe.each([
  ['hiding unstaged changes (default)', ''],
  ['not hiding them (--no-hide-partially-staged)', '--no-hide-partially-staged'],
])('lint-staged task "ak-hook check", %s', (_name, flags) => {
  test('a key in the staged half of a partially staged file is refused; unstaged edits survive', () => {
    const repo = lintStagedRepo(flags);
    const id = gen.akId();
    repo.write('src/app.js', `const a = 1;\nconst id = "${id}";\n`);
    repo.git(['add', 'src/app.js']);
    repo.write('src/app.js', `const a = 1;\nconst id = process.env.ID;\nconst unstaged = true;\n`);
    const before = repo.snapshot();

    const r = repo.gitRaw(['commit', '-q', '-m', 'x']);
    expect(r.status).not.toBe(0);
    const out = r.stdout + r.stderr;
    expect(out).toContain('src/app.js:2:13');
    expect(out).toContain(masked(id));
    expect(out).not.toContain(id);
    expect(repo.git(['rev-list', '--count', 'HEAD']).trim()).toBe('1');
    expect(repo.snapshot()).toBe(before);
  });
});

describe('a key only in the unstaged half of a partially staged file', () => {
  function stageHalf(repo: Repo): string {
    const secret = gen.akSecret();
    repo.write('src/app.js', 'const a = 2;\n');
    repo.git(['add', 'src/app.js']);
    repo.write('src/app.js', `const a = 2;\nconst accessKeySecret = "${secret}";\n`);
    return secret;
  }

  test('lint-staged hides it: the task passes and the commit holds the staged half only', () => {
    const repo = lintStagedRepo('');
    const secret = stageHalf(repo);
    const r = repo.gitRaw(['commit', '-q', '-m', 'x']);
    expect(r.stdout + r.stderr).not.toContain('blocked');
    expect(r.status).toBe(0);
    expect(repo.git(['show', 'HEAD:src/app.js'])).toBe('const a = 2;\n');
    expect(repo.read('src/app.js').toString()).toContain(secret);
  });

  test('--no-hide-partially-staged: lint-staged re-adds whole files after its tasks, so a task alone lets the key in; the ak-hook line after lint-staged stops it', () => {
    const taskOnly = lintStagedRepo('--no-hide-partially-staged');
    const secret = stageHalf(taskOnly);
    expect(taskOnly.gitRaw(['commit', '-q', '-m', 'x']).status).toBe(0);
    expect(taskOnly.git(['show', 'HEAD:src/app.js'])).toContain(secret);

    const recommended = lintStagedRepo('--no-hide-partially-staged', '\nak-hook check');
    stageHalf(recommended);
    const r = recommended.gitRaw(['commit', '-q', '-m', 'x']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('src/app.js:2:26');
    expect(recommended.git(['rev-list', '--count', 'HEAD']).trim()).toBe('1');
  });
});
