/** Config problems and the errors of config, verify and doctor read in Chinese (issue 12). */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { run } from '../../src/cli/run';
import { CONFIG_EN } from '../../src/report/messages/config-en';
import { CONFIG_ZH } from '../../src/report/messages/config-zh';
import { doctorMessages, runDoctor } from '../../src/doctor';
import { textError } from '../../src/report/messages/text-error';
import { makeRepo } from '../helpers/repo';

/**
 * English words left once values are set aside: quoted values, {{tokens}}, option and env names,
 * file names, and the technical names a Chinese developer reads as they are.
 */
const TECH =
  /\b(ak-hook|akfp1|glob|RE2|gitleaks|JavaScript|RegExp|JSON|Schema|YAML|URL|https?|promise|process\.exit|YYYY-MM-DD|lookahead|true|false|pattern|id|secret|key|password|block|warn|verify|check|invalid|rules|allow|exclude|paths|fingerprint|path|regex|stopword|keywords|positive|negative|examples|minEntropy|maxFileSize|acme\w*|src|docs|schema|baseline|customRules|lang|critical|high|medium|text|json|function)\b/g;
const englishLeft = (s: string): string[] =>
  s
    .replace(/"[^"]*"|\{\{[^}]*\}\}|\([^)]*\)|--[\w-]+|AK_HOOK_\w+|E_\w+|[\w./-]+\.(json|js|cjs|mjs|md|yml|yaml)\b/g, '')
    .replace(TECH, '')
    .match(/[a-z]{4,}/gi) ?? [];

const args = { key: 'k', known: 'a, b', value: '"v"', why: 'x', length: 5, max: 1, quoted: ': "x"', size: 9, what: 'function' };

test('every config problem id has Chinese words with no English sentence in them', () => {
  expect(Object.keys(CONFIG_ZH).sort()).toEqual(Object.keys(CONFIG_EN).sort());
  for (const [id, say] of Object.entries(CONFIG_ZH)) {
    const w = say({
      ...args,
      line: '"l"',
      why: id === 'customPositiveMissed' ? 'noKeyword' : 'x',
      allowed: 'critical, high',
      name: 'n',
      n: '0',
    });
    expect({ id, left: englishLeft(`${w.message} ${w.hint ?? ''}`) }).toEqual({ id, left: [] });
  }
});

test('a bad config: every problem in Chinese under a zh locale (and in English, word for word, otherwise)', async () => {
  const repo = makeRepo();
  const config = {
    bogus: 1,
    allow: [{ fingerprint: 'nope' }, { path: '!x', regex: '(?=a)' }, { stopword: '', expires: '2026-13-01', rule: 'no-such-rule' }],
    rules: { 'no-such-rule': { minEntropy: 9, minClasses: 7, enabled: 'yes' } },
    paths: ['!a', 'a\\b'],
    maxFileSize: -1,
    lang: 'fr',
    verify: { check: 'yes', invalid: 'maybe', other: 1 },
    customRules: [{ id: 'Bad Id', keywords: [], pattern: 'abc', severity: 'low', kind: 'token', examples: { positive: [], extra: 1 } }],
  };
  writeFileSync(path.join(repo.dir, '.akhookrc.json'), JSON.stringify(config, null, 2));
  const zh = await run(['check'], { cwd: repo.dir, env: { ...repo.env, LANG: 'zh_CN.UTF-8' } });
  expect(zh.exitCode).toBe(2);
  expect(zh.stderr).toContain('ak-hook：错误：.akhookrc.json 有');
  expect(zh.stderr).toContain('bogus: 未知的键 "bogus"（可用的键：');
  expect(zh.stderr).toContain('verify.invalid: 应为 "block" 或 "warn"，实际为 "maybe"');
  expect(zh.stderr.split('\n').length).toBeGreaterThan(20);
  expect(englishLeft(zh.stderr.replace(/^ {2}[\w.[\]$-]+:/gm, ''))).toEqual([]);
  const en = await run(['check', '--lang', 'en'], { cwd: repo.dir, env: repo.env });
  expect(en.stderr).toContain('  bogus: unknown key "bogus" (known keys: $schema, allow, rules');
  expect(en.stderr).toContain('  verify.invalid: must be "block" or "warn", got "maybe"');
});

test('a config that cannot load (a JavaScript config that throws) reads in Chinese too', async () => {
  const repo = makeRepo();
  writeFileSync(path.join(repo.dir, 'ak-hook.config.cjs'), 'module.exports = { allow: [/x/] };\n');
  const r = await run(['check', '--lang', 'zh'], { cwd: repo.dir, env: repo.env });
  expect(r.exitCode).toBe(2);
  expect(r.stderr).toContain('allow[0]: 是 RegExp 对象');
  writeFileSync(path.join(repo.dir, 'ak-hook.config.cjs'), 'process.exit(3);\n');
  const exited = await run(['check', '--lang', 'zh'], { cwd: repo.dir, env: repo.env });
  expect(exited.stderr).toContain('ak-hook.config.cjs 在导出配置前调用了 process.exit(3)');
  expect(englishLeft(exited.stderr)).toEqual([]);
});

test('verify and doctor errors: Chinese title and Chinese detail', async () => {
  const repo = makeRepo();
  const zhEnv = { ...repo.env, LANG: 'zh_CN.UTF-8' };
  const cases: [string[], NodeJS.ProcessEnv, string][] = [
    [['verify', '--format', 'xml'], zhEnv, '--format 只能是 text 或 json，收到的是 "xml"'],
    [['doctor', '--format', 'xml'], zhEnv, '--format 只能是 text 或 json'],
    [['verify', '--scan', '--history'], zhEnv, '--scan, --history 不能同时使用'],
    [['verify'], { ...zhEnv, AK_HOOK_VERIFY_TIMEOUT_MS: 'soon' }, 'AK_HOOK_VERIFY_TIMEOUT_MS 应为 1 到 30000 之间的整数毫秒数'],
    [
      ['verify'],
      { ...zhEnv, AK_HOOK_AWS_STS_ENDPOINT: 'http://10.0.0.1', AK_HOOK_GITHUB_API_ENDPOINT: 'nonsense' },
      'AK_HOOK_AWS_STS_ENDPOINT 应为 https:// URL',
    ],
  ];
  for (const [argv, env, words] of cases) {
    const r = await run(argv, { cwd: repo.dir, env });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(words);
    expect(englishLeft(r.stderr)).toEqual([]);
  }
  const both = await run(['verify'], {
    cwd: repo.dir,
    env: { ...repo.env, AK_HOOK_AWS_STS_ENDPOINT: 'http://10.0.0.1', AK_HOOK_GITHUB_API_ENDPOINT: 'x' },
  });
  expect(both.stderr).toContain('AK_HOOK_GITHUB_API_ENDPOINT is not a URL: "x"');
  expect(both.stderr).toContain('AK_HOOK_AWS_STS_ENDPOINT must be an https:// URL');
});

test('doctor names the first config problem in Chinese', async () => {
  const repo = makeRepo();
  writeFileSync(path.join(repo.dir, '.akhookrc.json'), '{ "bogus": true }\n');
  const r = await run(['doctor', '--lang', 'zh'], { cwd: repo.dir, env: repo.env });
  expect(r.stdout).toContain('第一个：bogus: 未知的键 "bogus"（可用的键：');
});

test("doctor: a check that could not run names a typed error's words in Chinese", async () => {
  const repo = makeRepo();
  const failing = async () => {
    throw textError('E_CONFIG_PARSE', 'cannotRead', { file: '.akhookrc.json', why: 'EACCES' });
  };
  const scans = { openSession: failing, scanTree: failing, scanCommits: failing } as never;
  const checks = await runDoctor({ cwd: repo.dir, env: repo.env, root: repo.dir, runningVersion: '0.1.0', scans, history: true });
  const history = checks.find((c) => c.id === 'history')!;
  expect(history.code).toBe('check-error');
  expect(doctorMessages('zh').message(history.code, history.params)).toBe('无法检查：无法读取 .akhookrc.json：EACCES');
  expect(doctorMessages('en').message(history.code, history.params)).toBe('could not check: cannot read .akhookrc.json: EACCES');
});
