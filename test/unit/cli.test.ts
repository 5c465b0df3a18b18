import { run } from '../../src/cli/run';
import { makeRepo } from '../helpers/repo';

describe('run (the CLI as a function)', () => {
  const ctx = { cwd: process.cwd(), env: { PATH: process.env.PATH } };
  test('--help and --version', async () => {
    const h = await run(['--help'], ctx);
    expect(h.exitCode).toBe(0);
    expect(h.stdout).toMatch(/Exit codes:[\s\S]*0 {2}nothing blocking[\s\S]*1 {2}secrets found[\s\S]*2 {2}usage, config or git error/);
    expect((await run(['--version'], ctx)).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
  test('usage errors exit 2 with one clear line and a hint', async () => {
    for (const argv of [['bogus'], ['check', '--format', 'xml'], ['check', '--nope'], ['rules', 'extra'], ['--lang', 'fr']]) {
      const r = await run(argv, ctx);
      expect(r.exitCode).toBe(2);
      expect(r.stderr.split('\n')[0]).toMatch(/^ak-hook: error: /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
  test('outside a repository: exit 2, no stack trace', async () => {
    const repo = makeRepo({ init: false });
    const r = await run(['check'], { cwd: repo.dir, env: { ...repo.env, GIT_CEILING_DIRECTORIES: repo.dir + '/..' } });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/not a git repository/i);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
  test('a broken config fails closed with every problem listed', async () => {
    const repo = makeRepo();
    repo.write('.akhookrc.json', JSON.stringify({ allow: [{ fingerprint: 'bad' }, { path: '' }], nope: 1 }));
    const r = await run(['check'], { cwd: repo.dir, env: repo.env });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('allow[0].fingerprint');
    expect(r.stderr).toContain('allow[1].path');
    expect(r.stderr).toContain('unknown key "nope"');
    repo.write('.akhookrc.json', '{ "allow": [ }');
    const r2 = await run(['check'], { cwd: repo.dir, env: repo.env });
    expect(r2.exitCode).toBe(2);
    expect(r2.stderr).toMatch(/\.akhookrc\.json is not valid JSON/);
  });
  test('Chinese messages from the locale', async () => {
    const repo = makeRepo();
    const r = await run(['check', '--nope'], { cwd: repo.dir, env: { ...repo.env, LANG: 'zh_CN.UTF-8' } });
    expect(r.stderr).toMatch(/^ak-hook：错误：/);
  });
});

test('--help in Chinese under a zh locale, in English by flag', async () => {
  const ctx = { cwd: process.cwd(), env: { PATH: process.env.PATH, LANG: 'zh_CN.UTF-8' } };
  const zh = await run(['--help'], ctx);
  expect(zh.stdout).toMatch(/^用法：ak-hook/);
  expect(zh.stdout).toContain('退出码');
  const en = await run(['--help', '--lang', 'en'], ctx);
  expect(en.stdout).toMatch(/^Usage: ak-hook/);
});
