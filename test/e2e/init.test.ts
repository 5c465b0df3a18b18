/**
 * `ak-hook init` / `uninstall` in temp npm projects with real git and real husky: what they
 * write, that they keep what was there, that a commit is then really checked, and that
 * uninstall gives back the files as they were.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { KeyGen } from '../helpers/keygen';
import { commitAll, installedProject } from '../helpers/project';
import { makeRepo, PROJECT, type Repo } from '../helpers/repo';

const gen = new KeyGen(20261131);
const LOCAL_HUSKY = { AK_HOOK_HUSKY_SPEC: path.join(PROJECT, 'node_modules/husky'), npm_config_audit: 'false' };

function commitKey(repo: Repo): ReturnType<Repo['gitRaw']> {
  const id = gen.akId();
  repo.write('conf.js', `module.exports = { id: "${id}" };\n`);
  repo.git(['add', 'conf.js']);
  return repo.gitRaw(['commit', '-q', '-m', 'key']);
}

const hooksPath = (repo: Repo) => repo.gitRaw(['config', '--get', 'core.hooksPath']).stdout.trim();
const text = (repo: Repo, file: string) => repo.read(file).toString('utf8');

describe('ak-hook init', () => {
  test('no husky yet: installs it, adds "prepare", runs it, creates .husky/pre-commit; idempotent; uninstall removes the hook', () => {
    const repo = makeRepo();
    installedProject(repo);
    commitAll(repo);

    const dry = repo.cli(['init', '--dry-run'], { env: LOCAL_HUSKY });
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain('dry run, nothing was written');
    expect(dry.stdout).toContain('would run: npm install --save-dev');
    expect(repo.git(['status', '--porcelain'])).toBe('');
    expect(hooksPath(repo)).toBe('');

    const r = repo.cli(['init'], { env: LOCAL_HUSKY });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n').filter(Boolean)).toEqual([
      `  ran: npm install --save-dev --no-audit --no-fund ${LOCAL_HUSKY.AK_HOOK_HUSKY_SPEC}`,
      '  set package.json "scripts.prepare" to "husky || true"',
      '  ran: husky (sets git config core.hooksPath=.husky/_)',
      '  created .husky/pre-commit running "ak-hook-pre-commit"',
      'To also scan what git push sends (commits made with --no-verify): npx --no ak-hook init --pre-push',
      'Next: run "npx ak-hook doctor" to check that this clone really runs the hook.',
    ]);
    const pkg = JSON.parse(text(repo, 'package.json'));
    expect(pkg.scripts).toEqual({ prepare: 'husky || true' });
    expect(Object.keys(pkg.devDependencies)).toEqual(['husky']);
    expect(hooksPath(repo)).toBe('.husky/_');
    expect(text(repo, '.husky/pre-commit')).toBe('ak-hook-pre-commit\n');

    const before = repo.snapshot();
    const again = repo.cli(['init'], { env: LOCAL_HUSKY });
    expect(again).toMatchObject({ status: 0, stdout: 'ak-hook: already set up; nothing changed.\n' });
    expect(repo.snapshot()).toBe(before);

    const blocked = commitKey(repo);
    expect(blocked.status).toBe(1);
    expect(blocked.stderr).toContain('commit blocked');

    const un = repo.cli(['uninstall']);
    expect(un.stdout).toContain('deleted .husky/pre-commit');
    expect(un.stdout).toContain('husky and the "prepare" script were left in place');
    expect(existsSync(path.join(repo.dir, '.husky/pre-commit'))).toBe(false);
    expect(repo.gitRaw(['commit', '-q', '-m', 'key']).status).toBe(0);
    expect(repo.cli(['uninstall']).stdout).toBe('ak-hook: nothing to remove; nothing changed.\n');
  });

  test('an existing husky hook keeps its content: the line goes before its steps (npm test, lint-staged); uninstall restores the exact bytes', () => {
    const repo = makeRepo();
    installedProject(repo, {
      husky: true,
      packageJson: { name: 'demo', scripts: { prepare: 'husky', test: 'true' }, 'lint-staged': { '*.js': 'true' } },
    });
    repo.git(['config', 'core.hooksPath', '.husky/_']);
    const original = '# team checks\nnpm test\nlint-staged\n';
    repo.write('.husky/pre-commit', original);
    commitAll(repo);
    const pkgBefore = text(repo, 'package.json');

    const r = repo.cli(['init']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('  added "ak-hook-pre-commit" to .husky/pre-commit\n');
    expect(r.stdout).toContain('npx --no ak-hook init --lint-staged');
    expect(r.stdout).not.toContain('npm install');
    expect(text(repo, '.husky/pre-commit')).toBe('# team checks\nak-hook-pre-commit\nnpm test\nlint-staged\n');
    expect(text(repo, 'package.json')).toBe(pkgBefore);

    repo.cli(['uninstall']);
    expect(text(repo, '.husky/pre-commit')).toBe(original);
  });

  test('--lint-staged writes the task into the lint-staged config instead; uninstall removes only it', () => {
    const repo = makeRepo();
    installedProject(repo, {
      husky: true,
      packageJson: { name: 'demo', scripts: { prepare: 'husky' }, 'lint-staged': { '*': 'prettier --check' } },
    });
    repo.git(['config', 'core.hooksPath', '.husky/_']);
    repo.write('.husky/pre-commit', 'lint-staged\n');
    commitAll(repo);
    const pkgBefore = text(repo, 'package.json');

    const r = repo.cli(['init', '--lint-staged']);
    expect(r.stdout).toBe(
      '  added the lint-staged task "*": "ak-hook check" to package.json\nNext: run "npx ak-hook doctor" to check that this clone really runs the hook.\n',
    );
    expect(JSON.parse(text(repo, 'package.json'))['lint-staged']).toEqual({ '*': ['prettier --check', 'ak-hook check'] });
    expect(text(repo, '.husky/pre-commit')).toBe('lint-staged\n');
    expect(repo.cli(['init', '--lint-staged']).stdout).toBe('ak-hook: already set up; nothing changed.\n');

    repo.cli(['uninstall']);
    expect(text(repo, 'package.json')).toBe(pkgBefore);
  });

  test('an existing core.hooksPath is respected: the line goes first in its pre-commit (before any exit); husky is not installed', () => {
    const repo = makeRepo();
    installedProject(repo);
    repo.git(['config', 'core.hooksPath', '.githooks']);
    const original = '#!/bin/sh\necho team hook\nexit 0\n';
    repo.write('.githooks/pre-commit', original);
    chmodSync(path.join(repo.dir, '.githooks/pre-commit'), 0o755);
    commitAll(repo);

    const r = repo.cli(['init', '--lang', 'zh']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('已在 .githooks/pre-commit 中加入 "./node_modules/.bin/ak-hook-pre-commit || exit $?"');
    expect(r.stdout).toContain('git config core.hooksPath 为 ".githooks"');
    expect(hooksPath(repo)).toBe('.githooks');
    expect(existsSync(path.join(repo.dir, '.husky'))).toBe(false);
    expect(text(repo, '.githooks/pre-commit')).toBe(
      '#!/bin/sh\n./node_modules/.bin/ak-hook-pre-commit || exit $?\necho team hook\nexit 0\n',
    );

    const blocked = commitKey(repo);
    expect(blocked.status).toBe(1);
    expect(blocked.stdout).not.toContain('team hook');

    repo.cli(['uninstall']);
    expect(text(repo, '.githooks/pre-commit')).toBe(original);
    expect(statSync(path.join(repo.dir, '.githooks/pre-commit')).mode & 0o111).not.toBe(0);
  });

  test('an existing .git/hooks/pre-commit (no core.hooksPath) keeps running: the line goes into it, husky stays out', () => {
    const repo = makeRepo();
    installedProject(repo);
    commitAll(repo);
    const hook = path.join(repo.dir, '.git/hooks/pre-commit');
    writeFileSync(hook, '#!/bin/sh\necho legacy hook\n', { mode: 0o755 });

    const r = repo.cli(['init']);
    expect(r.stdout).toContain('  added "./node_modules/.bin/ak-hook-pre-commit || exit $?" to .git/hooks/pre-commit\n');
    expect(hooksPath(repo)).toBe('');
    const blocked = commitKey(repo);
    expect(blocked.status).toBe(1);
    expect(blocked.stderr).toContain('commit blocked');
    repo.cli(['uninstall']);
    expect(readFileSync(hook, 'utf8')).toBe('#!/bin/sh\necho legacy hook\n');
  });

  test('a global core.hooksPath is not edited: init exits non-zero with the exact fix; once the line is there, it is set up', () => {
    const repo = makeRepo();
    installedProject(repo);
    const shared = path.join(repo.home, '.githooks');
    repo.git(['config', '--global', 'core.hooksPath', shared]);
    const before = repo.snapshot();
    const r = repo.cli(['init']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`git runs this repository's hooks from ${shared}, outside it`);
    expect(r.stderr).toContain('nothing was changed');
    expect(r.stderr).toContain(`add this line to ${shared}/pre-commit`);
    expect(r.stderr).toContain('git config --local core.hooksPath .git/hooks && npx ak-hook init --plain');
    expect(r.stderr).not.toContain('already set up');
    expect(existsSync(shared)).toBe(false);
    expect(repo.snapshot()).toBe(before);
    expect(repo.cli(['init', '--plain']).status).toBe(2);
    // The second fix, as printed: this repository gets its own hooks.
    repo.git(['config', '--local', 'core.hooksPath', '.git/hooks']);
    const own = repo.cli(['init', '--plain']);
    expect(own.status).toBe(0);
    expect(existsSync(path.join(repo.dir, '.git/hooks/pre-commit'))).toBe(true);
    repo.git(['config', '--local', '--unset', 'core.hooksPath']);
    // The first fix: the line in the shared hook.
    mkdirSync(shared, { recursive: true });
    writeFileSync(path.join(shared, 'pre-commit'), '#!/bin/sh\n./node_modules/.bin/ak-hook check || exit $?\n');
    const done = repo.cli(['init']);
    expect(done.status).toBe(0);
    expect(done.stdout).toContain('already set up');
  });

  test('a failing husky install stops init with the command and its error (exit 2)', () => {
    const repo = makeRepo();
    installedProject(repo);
    const r = repo.cli(['init'], { env: { AK_HOOK_HUSKY_SPEC: '/nonexistent/husky-dir' } });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('"npm install --save-dev --no-audit --no-fund /nonexistent/husky-dir" failed');
    expect(existsSync(path.join(repo.dir, '.husky'))).toBe(false);
    expect(hooksPath(repo)).toBe('');
  });

  test('no package.json: a clear message and exit 2, nothing written', () => {
    const repo = makeRepo();
    const before = repo.snapshot();
    const r = repo.cli(['init']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no package.json in');
    expect(r.stderr).toContain('npx ak-hook init --plain');
    expect(repo.snapshot()).toBe(before);
    expect(hooksPath(repo)).toBe('');
  });
});

describe("init speaks the project's package manager (issue 12)", () => {
  test.each([
    [{ 'pnpm-lock.yaml': 'lockfileVersion: 9.0\n' }, {}, 'pnpm add --save-dev husky@^9'],
    [{ 'yarn.lock': '' }, {}, 'yarn add --dev husky@^9'],
    [{ 'bun.lock': '{}' }, {}, 'bun add --dev husky@^9'],
    [{ 'pnpm-lock.yaml': '' }, { packageManager: 'yarn@4.1.0' }, 'yarn add --dev husky@^9'],
    [{}, {}, 'npm install --save-dev --no-audit --no-fund husky@^9'],
  ])('lockfiles %j, package.json %j -> %s', (files, fields, command) => {
    const repo = makeRepo();
    installedProject(repo, { packageJson: { name: 'demo', version: '1.0.0', ...fields } });
    for (const [f, t] of Object.entries(files)) repo.write(f, t);
    const r = repo.cli(['init', '--dry-run']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`would run: ${command}\n`);
    expect(existsSync(path.join(repo.dir, '.husky'))).toBe(false);
  });
});

describe('init --pre-push (issue 12)', () => {
  test('creates .husky/pre-push; a push of a key committed with --no-verify is refused; uninstall removes it', () => {
    const repo = makeRepo();
    installedProject(repo, { husky: true, packageJson: { name: 'demo', scripts: { prepare: 'husky' } } });
    repo.git(['config', 'core.hooksPath', '.husky/_']);
    repo.write('.husky/pre-commit', 'ak-hook check\n');
    commitAll(repo);
    const r = repo.cli(['init', '--pre-push']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('  created .husky/pre-push running "ak-hook check --pre-push "$@""');
    expect(text(repo, '.husky/pre-push')).toBe('ak-hook check --pre-push "$@"\n');
    expect(repo.cli(['init', '--pre-push']).stdout).toBe('ak-hook: already set up; nothing changed.\n');
    repo.git(['add', '.husky/pre-push']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'pre-push hook']);
    // husky 9 writes its runner for every hook name when it runs (as "prepare" does on npm ci).
    expect(spawnSync(process.execPath, [path.join(repo.dir, 'node_modules/husky/bin.js')], { cwd: repo.dir, env: repo.env }).status).toBe(
      0,
    );
    const remote = path.join(repo.dir, '..', 'remote.git');
    repo.git(['init', '-q', '--bare', remote]);
    repo.git(['remote', 'add', 'origin', remote]);
    repo.write('k.js', `const accessKeyId = "${gen.akId()}";\n`);
    repo.git(['add', 'k.js']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'key']);
    const push = repo.gitRaw(['push', '-q', 'origin', 'HEAD:refs/heads/main']);
    expect(push.status).not.toBe(0);
    expect(push.stderr).toContain('push blocked');
    const un = repo.cli(['uninstall']);
    expect(un.stdout).toContain('deleted .husky/pre-push');
  });
  test('an existing pre-push hook is left alone, with the line to add', () => {
    const repo = makeRepo();
    installedProject(repo, { husky: true, packageJson: { name: 'demo', scripts: { prepare: 'husky' } } });
    repo.git(['config', 'core.hooksPath', '.husky/_']);
    repo.write('.husky/pre-commit', 'ak-hook check\n');
    repo.write('.husky/pre-push', 'git lfs pre-push "$@"\n');
    const r = repo.cli(['init', '--pre-push']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('.husky/pre-push already exists: add this line to it yourself');
    expect(text(repo, '.husky/pre-push')).toBe('git lfs pre-push "$@"\n');
  });
});

describe('ak-hook init --plain (issue 9)', () => {
  test('scripts in .git/hooks (no core.hooksPath); dry run writes nothing; an existing hook gets the line first; idempotent; uninstall removes exactly that', () => {
    const repo = makeRepo();
    installedProject(repo);
    commitAll(repo);
    writeFileSync(path.join(repo.dir, '.git/hooks/pre-push'), '#!/bin/sh\necho mine\n');
    chmodSync(path.join(repo.dir, '.git/hooks/pre-push'), 0o755);

    const dry = repo.cli(['init', '--plain', '--dry-run']);
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain('would create .git/hooks/pre-commit');
    expect(existsSync(path.join(repo.dir, '.git/hooks/pre-commit'))).toBe(false);

    const r = repo.cli(['init', '--plain']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('created .git/hooks/pre-commit');
    expect(r.stdout).toContain('added "./node_modules/.bin/ak-hook check --pre-push "$@" || exit $?" to .git/hooks/pre-push');
    expect(hooksPath(repo)).toBe('');
    expect(statSync(path.join(repo.dir, '.git/hooks/pre-commit')).mode & 0o111).toBe(0o111);
    expect(text(repo, '.git/hooks/pre-commit')).toContain('\npkg=.\n');
    expect(repo.cli(['init', '--plain']).stdout).toContain('already set up');

    const blocked = commitKey(repo);
    expect(blocked.status).toBe(1);
    expect(blocked.stderr).toContain('commit blocked');

    const un = repo.cli(['uninstall']);
    expect(un.status).toBe(0);
    expect(existsSync(path.join(repo.dir, '.git/hooks/pre-commit'))).toBe(false);
    expect(text(repo, '.git/hooks/pre-push')).toBe('#!/bin/sh\necho mine\n');
  });

  test('without node_modules the hook stops the commit with the fix (en and zh)', () => {
    const repo = makeRepo();
    repo.write('package.json', '{"name":"x","version":"1.0.0"}\n');
    commitAll(repo);
    expect(repo.cli(['init', '--plain']).status).toBe(0);
    repo.write('a.txt', 'x\n');
    repo.git(['add', 'a.txt']);
    const r = repo.gitRaw(['commit', '-q', '-m', 'x'], { env: { PATH: path.dirname(process.execPath) + ':/usr/bin:/bin' } });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('The commit was stopped. Fix: run "npm ci"');
    expect(r.stderr).toContain('已阻止本次提交');
  });
});
