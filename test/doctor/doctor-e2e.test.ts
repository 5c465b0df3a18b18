/**
 * `ak-hook doctor` in real repositories: each broken set-up is detected, and after
 * `doctor --fix` (or running the printed fix) it reports ok.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { KeyGen } from '../helpers/keygen';
import { makeRepo, PROJECT, type Repo } from '../helpers/repo';

const GITIGNORE = [
  'node_modules/',
  '.env*',
  '!.env.example',
  '*.pem',
  '*.key',
  '*.ppk',
  'id_rsa*',
  'id_ed25519*',
  '.aliyun/',
  '.ossutilconfig',
  'credentials',
];
const WORKFLOW =
  'on: [push]\njobs:\n  s:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npx ak-hook check --range "$BASE..$GITHUB_SHA"\n';

/** A project set up the way the README says: husky, ak-hook in both hooks, .gitignore, CI. */
function project(): Repo {
  const repo = makeRepo();
  const nm = path.join(repo.dir, 'node_modules');
  mkdirSync(path.join(nm, '.bin'), { recursive: true });
  symlinkSync(path.join(PROJECT, 'node_modules/husky'), path.join(nm, 'husky'));
  symlinkSync(PROJECT, path.join(nm, 'ak-hook'));
  symlinkSync('../husky/bin.js', path.join(nm, '.bin/husky'));
  symlinkSync('../ak-hook/dist/cli.js', path.join(nm, '.bin/ak-hook'));
  repo.write(
    'package.json',
    JSON.stringify({ name: 'p', private: true, devDependencies: { 'ak-hook': '^0.1.0', husky: '^9.1.7' } }, null, 2),
  );
  repo.write('.gitignore', GITIGNORE.join('\n') + '\n');
  repo.write('.github/workflows/ak-hook.yml', WORKFLOW);
  spawnSync(process.execPath, [path.join(nm, 'husky/bin.js')], { cwd: repo.dir, env: repo.env });
  repo.write('.husky/pre-commit', 'ak-hook check\n');
  repo.write('.husky/pre-push', 'ak-hook check --pre-push "$@"\n');
  repo.git(['add', '.']);
  repo.git(['commit', '-q', '-m', 'set-up']);
  return repo;
}

type Check = { id: string; status: string; message: string; fix: string | null };
function doctor(repo: Repo, args: string[] = []): { status: number | null; checks: Check[]; stdout: string } {
  const r = repo.cli(['doctor', '--format', 'json', ...args], {
    env: { PATH: `${path.join(repo.dir, 'node_modules/.bin')}:${process.env.PATH}` },
  });
  try {
    return { status: r.status, checks: JSON.parse(r.stdout).checks, stdout: r.stdout };
  } catch {
    throw new Error(`not JSON (exit ${r.status}): ${r.stdout}\n${r.stderr}`);
  }
}
const check = (d: { checks: Check[] }, id: string) => d.checks.find((c) => c.id === id)!;
/** Runs a printed fix command as a user would, in the project (node_modules/.bin on PATH, no network). */
function runFix(repo: Repo, fix: string): void {
  const r = spawnSync('sh', ['-c', fix], {
    cwd: repo.dir,
    env: { ...repo.env, PATH: `${path.join(repo.dir, 'node_modules/.bin')}:${process.env.PATH}`, npm_config_offline: 'true' },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`fix "${fix}" failed: ${r.stderr}${r.stdout}`);
}

test('a project set up as the README says: every check ok, exit 0, the JSON contract', () => {
  const repo = project();
  const d = doctor(repo);
  expect(d.checks.map((c) => [c.id, c.status])).toEqual([
    ['pre-commit-hook', 'ok'],
    ['pre-push-hook', 'ok'],
    ['version', 'ok'],
    ['config', 'ok'],
    ['allowlist', 'ok'],
    ['gitignore', 'ok'],
    ['ci', 'ok'],
  ]);
  for (const c of d.checks) expect(Object.keys(c)).toEqual(['id', 'status', 'message', 'fix']);
  expect(d.status).toBe(0);
});

test('missing .husky/_ (a new worktree, before npm ci): fail; doctor --fix re-creates it', () => {
  const repo = project();
  rmSync(path.join(repo.dir, '.husky/_'), { recursive: true });
  const d = doctor(repo);
  expect(check(d, 'pre-commit-hook')).toMatchObject({ status: 'fail', fix: 'npx husky' });
  expect(check(d, 'pre-commit-hook').message).toContain('git runs NO hook');
  expect(d.status).toBe(1);
  const text = repo.cli(['doctor', '--fix']);
  expect(text.stdout).toContain('done: re-create .husky/_');
  expect(text.status).toBe(0);
  expect(check(doctor(repo), 'pre-commit-hook').status).toBe('ok');
});

test('the same in a new git worktree, where .husky/_ never existed', () => {
  const repo = project();
  const wt = path.join(repo.dir, '..', 'wt2');
  repo.git(['worktree', 'add', '-q', wt]);
  const r = repo.cli(['doctor', '--format', 'json'], { cwd: wt });
  expect(JSON.parse(r.stdout).checks[0]).toMatchObject({ id: 'pre-commit-hook', status: 'fail' });
  expect(r.status).toBe(1);
});

test('before npm ci (no node_modules): fail, and the fix is npm ci', () => {
  const repo = project();
  rmSync(path.join(repo.dir, '.husky/_'), { recursive: true });
  rmSync(path.join(repo.dir, 'node_modules'), { recursive: true });
  const d = doctor(repo);
  expect(check(d, 'pre-commit-hook')).toMatchObject({ status: 'fail', fix: 'npm ci' });
  expect(check(d, 'version')).toMatchObject({ status: 'fail', fix: 'npm ci' });
});

test('sparse checkout: fail with the sparse-checkout fix; the printed fix makes it ok', () => {
  const repo = project();
  repo.git(['sparse-checkout', 'init', '--cone']);
  expect(existsSync(path.join(repo.dir, '.husky/pre-commit'))).toBe(false);
  const c = check(doctor(repo), 'pre-commit-hook');
  expect(c).toMatchObject({ status: 'fail', fix: 'git sparse-checkout add .husky && npx husky' });
  expect(c.message).toContain('sparse checkout');
  runFix(repo, c.fix!);
  expect(check(doctor(repo), 'pre-commit-hook').status).toBe('ok');
});

test('core.hooksPath pointing at a missing folder: fail; the printed fix makes it ok', () => {
  const repo = project();
  repo.git(['config', 'core.hooksPath', 'node_modules/gone/hooks']);
  const c = check(doctor(repo), 'pre-commit-hook');
  expect(c).toMatchObject({ status: 'fail', fix: 'git config --local --unset core.hooksPath && npx ak-hook init' });
  expect(c.message).toContain('(local config) names node_modules/gone/hooks');
  runFix(repo, c.fix!);
  expect(check(doctor(repo), 'pre-commit-hook').status).toBe('ok');
});

test('a global core.hooksPath to a missing folder is named with its scope', () => {
  const repo = project();
  repo.git(['config', '--unset', 'core.hooksPath']);
  repo.git(['config', '--global', 'core.hooksPath', path.join(repo.home, 'no-hooks')]);
  expect(check(doctor(repo), 'pre-commit-hook')).toMatchObject({
    status: 'fail',
    fix: 'git config --global --unset core.hooksPath && npx ak-hook init',
  });
});

test('a non-executable hook: fail; chmod +x (the printed fix) makes it ok', () => {
  const repo = project();
  chmodSync(path.join(repo.dir, '.husky/_/pre-commit'), 0o644);
  const c = check(doctor(repo), 'pre-commit-hook');
  expect(c).toMatchObject({ status: 'fail', fix: 'chmod +x .husky/_/pre-commit' });
  runFix(repo, c.fix!);
  expect(check(doctor(repo), 'pre-commit-hook').status).toBe('ok');
});

test('a hook that does not run ak-hook: fail', () => {
  const repo = project();
  repo.write('.husky/pre-commit', 'npm test\n');
  expect(check(doctor(repo), 'pre-commit-hook')).toMatchObject({ status: 'fail', fix: 'npx ak-hook init' });
});

test('missing pre-push (husky): warn; --dry-run shows the change and writes nothing; --fix adds it', () => {
  const repo = project();
  rmSync(path.join(repo.dir, '.husky/pre-push'));
  const d = doctor(repo);
  expect(check(d, 'pre-push-hook')).toMatchObject({ status: 'warn' });
  expect(d.status).toBe(0);
  const before = repo.snapshot();
  const dry = repo.cli(['doctor', '--fix', '--dry-run']);
  expect(dry.stdout).toContain('would add "ak-hook check --pre-push "$@"" to .husky/pre-push');
  expect(repo.snapshot()).toBe(before);
  repo.cli(['doctor', '--fix']);
  expect(readFileSync(path.join(repo.dir, '.husky/pre-push'), 'utf8')).toBe('ak-hook check --pre-push "$@"\n');
  expect(check(doctor(repo), 'pre-push-hook').status).toBe('ok');
});

test('missing pre-push (plain .git/hooks): --fix installs ak-hook hooks/pre-push, and a push runs it', () => {
  const repo = project();
  repo.git(['config', '--unset', 'core.hooksPath']);
  repo.write('.git/hooks/pre-commit', '#!/bin/sh\n./node_modules/.bin/ak-hook check || exit $?\n');
  chmodSync(path.join(repo.dir, '.git/hooks/pre-commit'), 0o755);
  const d = doctor(repo);
  expect(check(d, 'pre-commit-hook').status).toBe('ok');
  expect(check(d, 'pre-push-hook')).toMatchObject({
    status: 'warn',
    fix: 'cp node_modules/ak-hook/hooks/pre-push .git/hooks/pre-push && chmod +x .git/hooks/pre-push',
  });
  repo.cli(['doctor', '--fix']);
  expect(check(doctor(repo), 'pre-push-hook').status).toBe('ok');
  // The installed hook really stops a push of a key committed with --no-verify.
  const remote = path.join(repo.dir, '..', 'remote.git');
  spawnSync('git', ['init', '-q', '--bare', remote]);
  repo.git(['remote', 'add', 'origin', remote]);
  repo.write('k.env', `ALIBABA_CLOUD_ACCESS_KEY_ID=${new KeyGen(77).akId()}\n`);
  repo.git(['add', 'k.env']);
  repo.git(['commit', '-q', '--no-verify', '-m', 'k']);
  const push = repo.gitRaw(['push', '-q', 'origin', 'HEAD:main']);
  expect(push.status).not.toBe(0);
  expect(push.stderr).toContain('k.env');
});

test('missing .gitignore lines (and .env.example hidden): warn; --fix appends them; ok after', () => {
  const repo = project();
  repo.write('.gitignore', 'node_modules/\n.env*');
  const c = check(doctor(repo), 'gitignore');
  expect(c.status).toBe('warn');
  expect(c.message).toContain('*.pem');
  expect(c.message).toContain('!.env.example');
  expect(c.message).not.toContain('.env* ');
  const fixed = repo.cli(['doctor', '--fix']);
  expect(fixed.stdout).toContain('done: append to .gitignore');
  expect(readFileSync(path.join(repo.dir, '.gitignore'), 'utf8')).toMatch(
    /^node_modules\/\n\.env\*\n# credential files \(ak-hook doctor\)\n\*\.pem\n(.+\n)+!\.env\.example\n$/,
  );
  expect(check(doctor(repo), 'gitignore').status).toBe('ok');
});

test('the printed .gitignore fix works too', () => {
  const repo = project();
  repo.write('.gitignore', 'node_modules/\n');
  const c = check(doctor(repo), 'gitignore');
  runFix(repo, c.fix!);
  expect(check(doctor(repo), 'gitignore').status).toBe('ok');
});

test('version, config, stale allow entries, CI and --history', () => {
  const repo = project();
  repo.write('package.json', JSON.stringify({ name: 'p', devDependencies: { 'ak-hook': '^2.0.0' } }));
  repo.write('.akhookrc.json', JSON.stringify({ allow: [{ path: 'nowhere/**', reason: 'old' }] }));
  repo.git(['add', '.akhookrc.json']);
  rmSync(path.join(repo.dir, '.github'), { recursive: true });
  const d = doctor(repo, ['--history']);
  expect(check(d, 'version')).toMatchObject({ status: 'fail', fix: 'npm ci' });
  expect(check(d, 'allowlist')).toMatchObject({ status: 'warn', fix: 'npx ak-hook stale' });
  expect(check(d, 'ci').status).toBe('warn');
  expect(check(d, 'history')).toMatchObject({ status: 'ok' });
  repo.write('.akhookrc.json', '{ "allow": 3 }');
  repo.git(['add', '.akhookrc.json']);
  expect(check(doctor(repo), 'config')).toMatchObject({ status: 'fail' });
  repo.write('.akhookrc.json', '{}');
  repo.write('.gitlab-ci.yml', 'scan:\n  script: npx ak-hook check --range "$CI_COMMIT_BEFORE_SHA..$CI_COMMIT_SHA"\n');
  repo.write('k.env', `ALIBABA_CLOUD_ACCESS_KEY_ID=${new KeyGen(78).akId()}\n`);
  repo.git(['add', '.']);
  repo.git(['commit', '-q', '--no-verify', '-m', 'k']);
  const h = doctor(repo, ['--history']);
  expect(check(h, 'ci')).toMatchObject({ status: 'ok', message: '.gitlab-ci.yml runs ak-hook on the pushed range.' });
  expect(check(h, 'history')).toMatchObject({ status: 'warn', fix: 'npx ak-hook scan --history' });
  expect(check(h, 'history').message).toContain('1 secret in 1 commit');
});

test('text output in Chinese', () => {
  const repo = project();
  rmSync(path.join(repo.dir, '.husky/_'), { recursive: true });
  const r = repo.cli(['doctor', '--lang', 'zh']);
  expect(r.stdout).toMatch(/失败\s+pre-commit 钩子/);
  expect(r.stdout).toContain('git 不会运行任何钩子');
  expect(r.stdout).toContain('修复： npx husky');
  expect(r.status).toBe(1);
});

test('the hook lines init writes count as "calls ak-hook": husky\'s ak-hook-pre-commit, and init --plain\'s .git/hooks', () => {
  const repo = project();
  repo.write('.husky/pre-commit', 'ak-hook-pre-commit\n');
  expect(check(doctor(repo), 'pre-commit-hook').status).toBe('ok');
  // init --plain: no husky, ak-hook's own scripts in .git/hooks (marked, with the package folder filled in).
  repo.git(['config', '--unset', 'core.hooksPath']);
  const init = repo.cli(['init', '--plain'], { env: { PATH: `${path.join(repo.dir, 'node_modules/.bin')}:${process.env.PATH}` } });
  expect(init.status).toBe(0);
  expect(readFileSync(path.join(repo.dir, '.git/hooks/pre-commit'), 'utf8')).toContain('init --plain');
  const d = doctor(repo);
  expect(check(d, 'pre-commit-hook')).toMatchObject({ status: 'ok' });
  expect(check(d, 'pre-commit-hook').message).toContain('.git/hooks/pre-commit');
  expect(check(d, 'pre-push-hook')).toMatchObject({ status: 'ok' });
  // A plain hook holding only a line that runs ak-hook-pre-commit counts too.
  repo.write('.git/hooks/pre-commit', '#!/bin/sh\n./node_modules/.bin/ak-hook-pre-commit || exit $?\n');
  chmodSync(path.join(repo.dir, '.git/hooks/pre-commit'), 0o755);
  expect(check(doctor(repo), 'pre-commit-hook').status).toBe('ok');
});
