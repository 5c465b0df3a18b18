/** The CLI shell (issue 12): help, "did you mean", --quiet, --no-color, rules JSON, zh errors, the allow hints. */
import { run } from '../../src/cli/run';
import { selfCommand } from '../../src/cli/self-command';
import { RULES } from '../../src/detect/rules';
import { KeyGen } from '../helpers/keygen';
import { installedProject } from '../helpers/project';
import { makeRepo } from '../helpers/repo';

const gen = new KeyGen(20261212);
const ctx = { cwd: process.cwd(), env: { PATH: process.env.PATH } };
const zhCtx = { ...ctx, env: { ...ctx.env, LANG: 'zh_CN.UTF-8' } };
/** Chinese output with no English sentence left in it (option names, ids and quoted values aside). */
const noEnglishWords = (s: string) =>
  s
    .replace(/"[^"]*"|--[\w-]+|ak-hook|E_\w+|[\w.-]+\.(json|js)|\bMB\b|\bKB\b|\b(text|json|sarif|native|isomorphic|auto)\b/g, '')
    .match(/[a-z]{4,}/gi) ?? [];

describe('help', () => {
  test('`ak-hook` alone shows the help and exits 2 (a hook line without "check" blocks, visibly)', async () => {
    const r = await run([], ctx);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toMatch(/^Usage: ak-hook <command>/);
    expect(r.stderr).toContain('no command given: the hook line is "ak-hook check"');
    const flagsOnly = await run(['--verbose'], ctx);
    expect(flagsOnly.exitCode).toBe(2);
  });
  test("`help <cmd>` and `<cmd> --help` show that command's help, in either language", async () => {
    for (const argv of [
      ['help', 'allow'],
      ['allow', '--help'],
      ['allow', '-h'],
    ]) {
      const r = await run(argv, ctx);
      expect(r).toMatchObject({ exitCode: 0, stderr: '' });
      expect(r.stdout).toMatch(/^Usage: ak-hook allow <fingerprint\.\.\.>/);
      expect(r.stdout).toContain('--last');
    }
    expect((await run(['help', 'rules'], zhCtx)).stdout).toMatch(/^用法：ak-hook rules/);
    expect((await run(['help'], ctx)).stdout).toMatch(/^Usage: ak-hook <command>/);
    expect((await run(['help', 'chek'], ctx)).stderr).toContain('unknown command "chek" (did you mean "check"?)');
  });
});

describe('did you mean', () => {
  test('an unknown command or option gets the closest one', async () => {
    const c = await run(['chek'], ctx);
    expect(c.exitCode).toBe(2);
    expect(c.stderr).toContain('unknown command "chek" (did you mean "check"?)');
    expect((await run(['scna'], ctx)).stderr).toContain('did you mean "scan"?');
    expect((await run(['zzzzzz'], ctx)).stderr).not.toContain('did you mean');
    const o = await run(['check', '--formt', 'json'], ctx);
    expect(o.exitCode).toBe(2);
    expect(o.stderr).toContain('"check" has no option --formt (did you mean "--format"?)');
    expect((await run(['init', '--dryrun'], ctx)).stderr).toContain('did you mean "--dry-run"?');
  });
});

describe('every error in Chinese', () => {
  test('usage errors read in Chinese under a zh locale or --lang zh', async () => {
    const cases: [string[], string][] = [
      [['chek'], '未知命令 "chek"（你是不是想输入 "check"？）'],
      [['check', '--formt'], '"check" 没有选项 --formt'],
      [['check', '--format', 'xml'], '--format 只能是 text、json 或 sarif'],
      [['check', '--max-file-size', 'lots'], '--max-file-size 应为'],
      [['check', '--git-backend', 'svn'], '--git-backend 只能是'],
      [['check', '--config'], '选项 --config 需要一个值'],
      [['rules', 'extra'], '"rules" 不接受参数'],
      [['allow', 'x', '--reason', 'ok'], '是占位文字'],
      [['scan', '--history', '--index'], '不能同时使用'],
      [[], '没有给出命令'],
    ];
    const repo = makeRepo();
    for (const [argv, words] of cases) {
      const r = await run(argv, { cwd: repo.dir, env: { ...repo.env, LANG: 'zh_CN.UTF-8' } });
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toContain(words);
      expect(r.stderr.startsWith('ak-hook：错误：')).toBe(true);
      expect(noEnglishWords(r.stderr)).toEqual([]);
    }
    expect((await run(['chek', '--lang', 'zh'], ctx)).stderr).toContain('未知命令');
  });
  test("an error whose detail is not ours (a path, git's words) gets a Chinese title", async () => {
    const repo = makeRepo({ init: false });
    const r = await run(['check'], { cwd: repo.dir, env: { ...repo.env, LANG: 'zh_CN.UTF-8', GIT_CEILING_DIRECTORIES: repo.dir + '/..' } });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^ak-hook：错误：(不是 git 仓库|git 执行失败)：/);
  });
});

describe('--quiet and --no-color', () => {
  test('--quiet: a clean run prints nothing, a blocked one still prints the findings', async () => {
    const repo = makeRepo();
    repo.write('a.txt', 'hello\n');
    repo.git(['add', 'a.txt']);
    const loud = await run(['check', '--verbose'], { cwd: repo.dir, env: repo.env });
    expect(loud.stderr).not.toBe('');
    expect(await run(['check', '--verbose', '--quiet'], { cwd: repo.dir, env: repo.env })).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    const json = await run(['check', '-q', '--format', 'json'], { cwd: repo.dir, env: repo.env });
    expect(JSON.parse(json.stdout).findings).toEqual([]);
    repo.write('k.js', `const accessKeyId = "${gen.akId()}";\n`);
    repo.git(['add', 'k.js']);
    const blocked = await run(['check', '--quiet'], { cwd: repo.dir, env: repo.env });
    expect(blocked.exitCode).toBe(1);
    expect(blocked.stderr).toContain('k.js:1:');
  });
  test('--no-color wins over FORCE_COLOR; FORCE_COLOR alone colours', async () => {
    const repo = makeRepo();
    repo.write('k.js', `const accessKeyId = "${gen.akId()}";\n`);
    repo.git(['add', 'k.js']);
    const forced = await run(['check'], { cwd: repo.dir, env: { ...repo.env, NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(forced.stderr).toContain('\x1b[');
    const plain = await run(['check', '--no-color'], { cwd: repo.dir, env: { ...repo.env, NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(plain.exitCode).toBe(1);
    expect(plain.stderr).not.toContain('\x1b[');
  });
});

describe('rules and rule names', () => {
  test('rules --format json lists every rule, with its name in the message language', async () => {
    const r = await run(['rules', '--format', 'json'], zhCtx);
    expect(r.exitCode).toBe(0);
    const rules = JSON.parse(r.stdout).rules as { id: string; name: string; localName: string }[];
    expect(rules.map((x) => x.id)).toEqual(RULES.map((x) => x.id));
    expect(rules.find((x) => x.id === 'alibaba-access-key-id')).toMatchObject({
      name: 'Alibaba Cloud AccessKeyId',
      localName: '阿里云 AccessKey ID',
    });
    expect((await run(['rules', '--format', 'yaml'], ctx)).stderr).toContain('--format must be text or json, got "yaml"');
  });
  test('every rule has a Chinese name, and the zh block message uses it', async () => {
    const zhRun = await run(['rules', '--format', 'json', '--lang', 'zh'], ctx);
    for (const r of JSON.parse(zhRun.stdout).rules) expect(r.localName).toMatch(/[\u4e00-\u9fff]|^(Anthropic|OpenAI|Google) API Key$/);
    const repo = makeRepo();
    repo.write('k.js', `const accessKeyId = "${gen.akId()}";\n`);
    repo.git(['add', 'k.js']);
    const r = await run(['check', '--lang', 'zh'], { cwd: repo.dir, env: repo.env });
    expect(r.stderr).toContain('阿里云 AccessKey ID (Alibaba Cloud) [alibaba-access-key-id]');
  });
});

describe('uninstall --dry-run', () => {
  test('names uninstall, not init', async () => {
    const repo = makeRepo();
    installedProject(repo, { husky: true });
    repo.write('.husky/pre-commit', 'ak-hook check\nnpm test\n');
    repo.git(['config', 'core.hooksPath', '.husky/_']);
    const r = await run(['uninstall', '--dry-run'], { cwd: repo.dir, env: repo.env });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('ak-hook uninstall would:');
    expect(r.stdout).not.toContain('init would');
    expect((await run(['uninstall', '--dry-run', '--lang', 'zh'], { cwd: repo.dir, env: repo.env })).stdout).toContain(
      'ak-hook uninstall 将会：',
    );
  });
});

describe('the blocking message: commands that run where printed', () => {
  test('one allow command for an id and its secret, allow --last, no inline comment offered in JSON', async () => {
    const repo = makeRepo();
    repo.write('cfg.json', JSON.stringify({ accessKeyId: gen.akId(), accessKeySecret: gen.akSecret() }, null, 2) + '\n');
    repo.git(['add', 'cfg.json']);
    const r = await run(['check'], { cwd: repo.dir, env: repo.env });
    expect(r.exitCode).toBe(1);
    const cmds = r.stderr.match(/npx --no ak-hook allow (akfp1:[0-9a-f]{32} ?)+/g) ?? [];
    expect(cmds.length).toBe(2);
    for (const c of cmds) expect(c.match(/akfp1:/g)).toHaveLength(2);
    expect(r.stderr).toContain('npx --no ak-hook allow --last --reason "why this is safe"');
    expect(r.stderr).not.toContain('ak-hook-allow');
    expect(r.stderr).not.toMatch(/\bnpx ak-hook\b/);
  });
  test('selfCommand: npx --no from the project that has it, a cd into a sub-package, else the bin by path', () => {
    expect(selfCommand('/r', undefined)).toBe('npx --no ak-hook');
    expect(selfCommand('/r', '/r/node_modules/.bin/ak-hook')).toBe('npx --no ak-hook');
    expect(selfCommand('/r', '/r/node_modules/.pnpm/ak-hook@0.1.0/node_modules/ak-hook/dist/cli.js')).toBe('npx --no ak-hook');
    expect(selfCommand('/r', '/r/packages/app/node_modules/.bin/ak-hook')).toBe('cd packages/app && npx --no ak-hook');
    expect(selfCommand('/r', '/home/u/.cache/pre-commit/repo1/node_env-default/bin/ak-hook')).toBe(
      'node /home/u/.cache/pre-commit/repo1/node_env-default/bin/ak-hook',
    );
    expect(selfCommand('/r', '/r/dist/cli.js')).toBe('node dist/cli.js');
  });
});
