/**
 * End-to-end: allow entries, the baseline and the blocking message, through real `git commit`
 * with the hook installed by husky. Every output and every file ak-hook writes is collected,
 * and the last test greps them all for every secret the key generator produced.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { GENERATED, KeyGen } from '../helpers/keygen';
import { makeRepo, PROJECT, type Repo } from '../helpers/repo';

const gen = new KeyGen(20261129);
const outputs: string[] = [];
const written: string[] = [];
const repos: Repo[] = [];

function keep<T extends SpawnSyncReturns<string>>(r: T): T {
  outputs.push(r.stdout ?? '', r.stderr ?? '');
  return r;
}

/** A repository with the hook, and ak-hook installed in node_modules as a user has it (for `npx ak-hook`). */
function project(): Repo {
  const repo = makeRepo({ hook: true });
  repos.push(repo);
  mkdirSync(path.join(repo.dir, 'node_modules/.bin'), { recursive: true });
  symlinkSync(PROJECT, path.join(repo.dir, 'node_modules/ak-hook'));
  symlinkSync('../ak-hook/dist/cli.js', path.join(repo.dir, 'node_modules/.bin/ak-hook'));
  repo.write('.gitignore', 'node_modules/\n');
  repo.write('README.md', '# demo\n');
  repo.git(['add', '.']);
  repo.git(['commit', '-q', '--no-verify', '-m', 'init']);
  return repo;
}

function commit(repo: Repo, env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  return keep(repo.gitRaw(['commit', '-q', '-m', 'x'], { env }));
}

function cli(repo: Repo, args: string[], env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  return keep(repo.cli(args, { env }));
}

/** Runs a line exactly as printed, in a shell, in the repository. */
function shell(repo: Repo, line: string): SpawnSyncReturns<string> {
  return keep(
    spawnSync('bash', ['-c', line], { cwd: repo.dir, env: { ...repo.env, npm_config_update_notifier: 'false' }, encoding: 'utf8' }),
  );
}

/** Files ak-hook reads or writes: their text now and at the end goes through the no-secret check. */
function track(repo: Repo, ...files: string[]): void {
  for (const f of files) {
    written.push(path.join(repo.dir, f));
    outputs.push(repo.read(f).toString());
  }
}

const head = (repo: Repo): string => repo.git(['rev-parse', 'HEAD']).trim();
const day = (offset: number): string => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);

describe('allow a finding', () => {
  test('blocked commit -> the printed `ak-hook allow` command, run verbatim -> the same commit goes through', () => {
    const repo = project();
    const secret = gen.akSecret();
    repo.write('src/config.js', `// settings\nconst accessKeySecret = "${secret}";\n`);
    repo.git(['add', 'src/config.js']);
    const before = head(repo);
    const blocked = commit(repo);
    expect(blocked.status).toBe(1);
    expect(head(repo)).toBe(before);
    // The message: grouped by file, location, rule and provider, masked secret, why, what to do, the allow actions, a summary.
    expect(blocked.stderr).toContain('\nsrc/config.js\n');
    expect(blocked.stderr).toContain('src/config.js:2:26  Alibaba Cloud AccessKeySecret (Alibaba Cloud) [alibaba-access-key-secret]');
    expect(blocked.stderr).toContain(`${secret.slice(0, 4)}…${secret.slice(-4)}`);
    expect(blocked.stderr).toMatch(
      /Rotate it now in the RAM console: create a new AccessKey, switch .*disable the old one, then delete it/,
    );
    expect(blocked.stderr).toContain('RAM user');
    expect(blocked.stderr).toContain('ActionTrail');
    expect(blocked.stderr).toContain('"ak-hook-allow alibaba-access-key-secret"');
    expect(blocked.stderr).toContain('Summary: 1 found, 0 allowed, 0 baselined, 0 expired allow entries.');
    const line = /^.*(npx ak-hook allow akfp1:[0-9a-f]{32} --reason "[^"]+")$/m.exec(blocked.stderr)?.[1];
    expect(line).toBeDefined();
    const allowed = shell(repo, line!);
    expect(allowed.status).toBe(0);
    expect(allowed.stdout).toContain('added 1 allow entry to .akhookrc.json');
    track(repo, '.akhookrc.json');
    const config = JSON.parse(repo.read('.akhookrc.json').toString());
    expect(config.allow).toEqual([
      { fingerprint: expect.stringMatching(/^akfp1:/), rule: 'alibaba-access-key-secret', reason: 'why this is safe' },
    ]);
    const ok = commit(repo);
    expect(ok.status).toBe(0);
    expect(ok.stderr).toMatch(
      /^ak-hook: no secrets in 1 staged file \(1 allowed by the allowlist\)\.\nSummary: 0 found, 1 allowed, 0 baselined, 0 expired allow entries\.\n/,
    );
    // The allow entry comes in the same commit: the run shows what it lets through (issue 9).
    expect(ok.stderr).toContain('this commit changes the ak-hook config (.akhookrc.json)');
    expect(ok.stderr).toMatch(/src\/config\.js:2:26 \[alibaba-access-key-secret\] \S+…\S+ \(allow\[0\]\)/);
    expect(head(repo)).not.toBe(before);
  });

  test('`allow --last` allows what the last blocked run found; a tracked config must be staged first (the index wins)', () => {
    const repo = project();
    repo.write('.akhookrc.json', '{\n  "lang": "en",\n  "allow": []\n}\n');
    repo.git(['add', '.akhookrc.json']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'config']);
    const id = gen.akId();
    const secret = gen.akSecret();
    repo.write('a.ini', `access_key_id = ${id}\naccess_key_secret = ${secret}\n`);
    repo.git(['add', 'a.ini']);
    expect(commit(repo).status).toBe(1);
    const lastFile = path.join(repo.git(['rev-parse', '--absolute-git-dir']).trim(), 'ak-hook', 'last-blocked.json');
    written.push(lastFile);
    expect(JSON.parse(readFileSync(lastFile, 'utf8')).findings).toHaveLength(2);
    const r = cli(repo, ['allow', '--last', '--reason', 'rotated test account', '--expires', day(30)]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Stage it so the hook reads it: git add .akhookrc.json');
    track(repo, '.akhookrc.json');
    // Formatting and other keys kept: text was inserted, not re-serialised.
    expect(repo.read('.akhookrc.json').toString()).toMatch(
      /^\{\n {2}"lang": "en",\n {2}"allow": \[\n {4}\{ "fingerprint": "akfp1:[0-9a-f]{32}", "rule": "alibaba-access-key-id", "reason": "rotated test account", "expires": "\d{4}-\d{2}-\d{2}" \},\n {4}\{ "fingerprint"/,
    );
    // The staged config is what the commit will contain: the unstaged edit does not apply yet.
    expect(commit(repo).status).toBe(1);
    expect(cli(repo, ['check', '--verbose']).stderr).toContain('config: .akhookrc.json (read from the index: staged)');
    repo.git(['add', '.akhookrc.json']);
    expect(commit(repo).status).toBe(0);
  });

  test('an expired entry stops allowing, and the message names it', () => {
    const repo = project();
    const secret = gen.akSecret();
    repo.write('app.py', `ACCESS_KEY_SECRET = "${secret}"\n`);
    repo.git(['add', 'app.py']);
    const r = cli(repo, ['check', '--format', 'json']);
    const fp = JSON.parse(r.stdout).findings[0].fingerprint as string;
    const entry = (expires: string) => `{ "allow": [{ "fingerprint": "${fp}", "reason": "demo key", "expires": "${expires}" }] }\n`;
    repo.write('.akhookrc.json', entry(day(1)));
    track(repo, '.akhookrc.json');
    expect(commit(repo).status).toBe(0);
    repo.write('app.py', `ACCESS_KEY_SECRET = "${secret}"\nOTHER = 1\n# moved below\nACCESS_KEY_SECRET2 = "${secret}"\n`);
    repo.git(['add', 'app.py']);
    repo.write('.akhookrc.json', entry(day(0)));
    const blocked = commit(repo);
    expect(blocked.status).toBe(1);
    expect(blocked.stderr).toContain(`allow[0] (${fp}, "demo key") expired on ${day(0)} and no longer allows anything`);
    expect(blocked.stderr).toContain('1 found, 0 allowed, 0 baselined, 1 expired allow entry.');
  });

  test('a moved (and renamed) allowed secret stays allowed; a changed secret on an allowed line blocks', () => {
    const repo = project();
    const secret = gen.akSecret();
    const filler = Array.from({ length: 12 }, (_, i) => `x${i} = ${i}`);
    repo.write('conf/app.ini', ['[default]', `access_key_secret = ${secret}`, ...filler].join('\n') + '\n');
    repo.git(['add', '.']);
    const fp = JSON.parse(cli(repo, ['check', '--format', 'json']).stdout).findings[0].fingerprint;
    expect(shell(repo, `npx ak-hook allow ${fp} --reason "sandbox account, no permissions"`).status).toBe(0);
    track(repo, '.akhookrc.json');
    repo.git(['add', '.akhookrc.json']);
    expect(commit(repo).status).toBe(0);
    // Moved to the end of a renamed file: the line is added again, at another place.
    repo.git(['mv', 'conf/app.ini', 'conf/renamed.ini']);
    repo.write('conf/renamed.ini', ['[default]', ...filler, `access_key_secret = ${secret}`].join('\n') + '\n');
    repo.git(['add', '-A']);
    const moved = commit(repo);
    expect(moved.status).toBe(0);
    expect(moved.stderr).toContain('1 allowed');
    // One character changed on the same line: another secret, another fingerprint.
    const changed = secret.slice(0, -1) + (secret.endsWith('A') ? 'B' : 'A');
    GENERATED.add(changed);
    repo.write('conf/renamed.ini', ['[default]', ...filler, `access_key_secret = ${changed}`].join('\n') + '\n');
    repo.git(['add', '-A']);
    const blocked = commit(repo);
    expect(blocked.status).toBe(1);
    expect(blocked.stderr).toContain('conf/renamed.ini:14:21');
  });

  test('regex, stopword, path and inline allows; rules, paths/exclude and maxFileSize from a YAML config', () => {
    const repo = project();
    const a = gen.akSecret();
    const b = gen.akSecret();
    const c = gen.akSecret();
    const d = gen.akId();
    repo.write(
      '.akhookrc.yaml',
      [
        '# team config: comments survive `ak-hook allow`',
        'allow:',
        `  - regex: "^${a.slice(0, 6)}"`,
        '    reason: rotated long ago',
        `  - stopword: "${b.slice(3, 9)}"`,
        '  - path: "fixtures/**"',
        '    rule: alibaba-access-key-secret',
        'exclude: ["vendor/**"]',
        'maxFileSize: 4000',
        'rules:',
        '  alibaba-access-key-id: false',
        '',
      ].join('\n'),
    );
    track(repo, '.akhookrc.yaml');
    repo.write('one.env', `ACCESS_KEY_SECRET=${a}\nAccessKeySecret: ${b}\n`);
    repo.write('fixtures/f.env', `ACCESS_KEY_SECRET=${c}\n`);
    repo.write('vendor/v.env', `ACCESS_KEY_SECRET=${c}\n`);
    repo.write('big.env', `ACCESS_KEY_SECRET=${c}\n` + '#'.repeat(5000) + '\n');
    repo.write('ids.txt', `id = ${d}\n`);
    repo.write('inline.js', `// ak-hook-allow alibaba-access-key-secret\nconst accessKeySecret = "${c}";\n`);
    repo.git(['add', '.']);
    const r = cli(repo, ['check', '--verbose']);
    expect(r.stderr).toContain('config: .akhookrc.yaml (read from the index: staged)');
    expect(r.stderr).toContain('Not scanned (1 file): big.env (larger than maxFileSize, 4000 bytes).');
    expect(r.stderr).toContain('Summary: 0 found, 4 allowed, 0 baselined, 0 expired allow entries.');
    expect(r.status).toBe(0);
    // `allow` edits YAML as a document: the comment and the other keys stay.
    const e = gen.akSecret();
    repo.write('two.env', `ACCESS_KEY_SECRET=${e}\n`);
    repo.git(['add', 'two.env']);
    const fp = JSON.parse(cli(repo, ['check', '--format', 'json']).stdout).findings[0].fingerprint;
    expect(cli(repo, ['allow', fp, '--reason', 'yaml too']).status).toBe(0);
    const yaml = repo.read('.akhookrc.yaml').toString();
    expect(yaml.startsWith('# team config: comments survive `ak-hook allow`\nallow:\n')).toBe(true);
    expect(yaml).toContain(`  - { fingerprint: ${fp}, rule: alibaba-access-key-secret, reason: yaml too }\nexclude:`);
    repo.git(['add', '.akhookrc.yaml']);
    expect(commit(repo).status).toBe(0);
  });

  test('the "ak-hook" key of package.json gets the entries; JS configs are read from their staged text', () => {
    const repo = project();
    repo.write('package.json', '{\n    "name": "demo",\n    "private": true\n}\n');
    track(repo, 'package.json');
    const s = gen.akSecret();
    repo.write('k.env', `ACCESS_KEY_SECRET=${s}\n`);
    repo.git(['add', '.']);
    const fp = JSON.parse(cli(repo, ['check', '--format', 'json']).stdout).findings[0].fingerprint;
    // Only a dependency on ak-hook: package.json is not the config, a new .akhookrc.json is.
    repo.write('package.json', '{\n    "name": "demo",\n    "devDependencies": { "ak-hook": "^0.1.0" }\n}\n');
    expect(cli(repo, ['allow', fp, '--reason', 'pkg']).stdout).toContain('to .akhookrc.json');
    expect(repo.read('package.json').toString()).not.toContain('allow');
    rmSync(path.join(repo.dir, '.akhookrc.json'));
    repo.write('package.json', '{\n    "name": "demo",\n    "ak-hook": {},\n    "private": true\n}\n');
    expect(cli(repo, ['allow', fp, '--reason', 'pkg']).status).toBe(0);
    expect(repo.read('package.json').toString()).toBe(
      `{\n    "name": "demo",\n    "ak-hook": {\n        "allow": [\n            { "fingerprint": "${fp}", "rule": "alibaba-access-key-secret", "reason": "pkg" }\n        ]\n    },\n    "private": true\n}\n`,
    );
    // The index decides: the staged package.json has no "ak-hook" key yet.
    expect(cli(repo, ['check']).status).toBe(1);
    repo.git(['add', 'package.json']);
    expect(cli(repo, ['check']).status).toBe(0);

    const js = gen.akSecret();
    repo.write('j.env', `ACCESS_KEY_SECRET=${js}\n`);
    repo.git(['rm', '-q', '--cached', 'package.json']);
    repo.write('package.json', '{ "name": "demo" }\n');
    repo.git(['add', 'j.env', 'package.json']);
    const jfp = JSON.parse(cli(repo, ['check', '--format', 'json']).stdout).findings.find(
      (f: { file: string }) => f.file === 'j.env',
    ).fingerprint;
    repo.write('ak-hook.config.cjs', `module.exports = { allow: [{ fingerprint: ${JSON.stringify(jfp)}, reason: 'staged' }] };\n`);
    track(repo, 'ak-hook.config.cjs');
    repo.git(['add', 'ak-hook.config.cjs']);
    // The disk copy drops the entry; the staged text still has it.
    repo.write('ak-hook.config.cjs', 'module.exports = { allow: [] };\n');
    const r = cli(repo, ['check', '--verbose']);
    expect(r.stderr).toContain('config: ak-hook.config.cjs (read from the index: staged)');
    expect(r.stdout + r.stderr).toContain('[alibaba-access-key-secret]');
    expect(r.stderr).toMatch(/j\.env:1:19 .*-> allow\[0\]/);
    expect(cli(repo, ['allow', fp, '--reason', 'code']).status).toBe(2);
  });
});

describe('baseline', () => {
  test('adopted in a repository with old secrets: only new or changed secrets block; line drift changes nothing', () => {
    const repo = project();
    const old1 = gen.akSecret();
    const old2 = gen.akId();
    repo.write('legacy/settings.py', `ACCESS_KEY_SECRET = "${old1}"\n`);
    repo.write('legacy/ids.txt', `key id ${old2}\n`);
    repo.write('旧/配置 文件.ini', `access_key_secret = ${gen.akSecret()}\r\n`);
    repo.git(['add', '.']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'old secrets']);
    const b = cli(repo, ['baseline']);
    expect(b.status).toBe(0);
    expect(b.stdout).toContain('wrote .akhook-baseline.json with 3 findings');
    track(repo, '.akhook-baseline.json');
    const baseline = repo.read('.akhook-baseline.json').toString();
    expect(JSON.parse(baseline).findings.map((f: { file: string; rule: string }) => `${f.file} ${f.rule}`)).toEqual([
      'legacy/ids.txt alibaba-access-key-id',
      'legacy/settings.py alibaba-access-key-secret',
      '旧/配置 文件.ini alibaba-access-key-secret',
    ]);
    expect(baseline).not.toMatch(/"line"/);
    repo.git(['add', '.akhook-baseline.json']);
    expect(commit(repo).status).toBe(0);
    // Lines drift and the old secret moves to another file: still baselined, nothing rewritten.
    repo.write('legacy/settings.py', `# header\n# more\nOTHER = 1\n`);
    repo.write('app/settings.py', `import os\n\nACCESS_KEY_SECRET = "${old1}"\n`);
    repo.git(['add', '-A']);
    const moved = commit(repo);
    expect(moved.status).toBe(0);
    expect(moved.stderr).toContain('0 found, 0 allowed, 1 baselined');
    expect(repo.read('.akhook-baseline.json').toString()).toBe(baseline);
    // A new secret next to the old one blocks, and the message counts the baselined one.
    const fresh = gen.akSecret();
    repo.write('app/settings.py', `import os\n\nACCESS_KEY_SECRET = "${old1}"\nACCESS_KEY_SECRET_2 = "${fresh}"\n`);
    repo.write('app/copy.py', `ACCESS_KEY_SECRET = "${old1}"\n`);
    repo.git(['add', '-A']);
    const blocked = commit(repo);
    expect(blocked.status).toBe(1);
    expect(blocked.stderr).toContain('app/settings.py:4:');
    expect(blocked.stderr).toContain('Summary: 1 found, 0 allowed, 1 baselined');
    expect(repo.read('.akhook-baseline.json').toString()).toBe(baseline);
    // `stale` reports what no longer matches anything.
    repo.write('legacy/ids.txt', 'gone\n');
    repo.write('.akhookrc.json', '{ "allow": [{ "path": "nowhere/**", "reason": "old" }] }\n');
    track(repo, '.akhookrc.json');
    repo.git(['add', '-A']);
    const stale = cli(repo, ['stale']);
    expect(stale.status).toBe(1);
    expect(stale.stdout).toContain('allow[0]  path nowhere/**  "old"');
    expect(stale.stdout).toContain('1 finding in .akhook-baseline.json no longer exist');
  });
});

describe('config errors and languages', () => {
  test('a broken config blocks with exit 2, every problem listed, no stack trace', () => {
    const repo = project();
    repo.write(
      '.akhookrc.json',
      JSON.stringify({
        allow: [{ fingerprint: 'akfp1:zz', expires: 'tomorrow' }, { reason: 'no matcher' }],
        rules: { 'nope-rule': false },
        paths: ['!x'],
        colour: true,
      }),
    );
    track(repo, '.akhookrc.json');
    repo.write('a.txt', 'hello\n');
    repo.git(['add', 'a.txt']);
    const direct = cli(repo, ['check']);
    expect(direct.status).toBe(2);
    const c = commit(repo);
    expect(c.status).not.toBe(0);
    for (const r of [direct, c]) {
      expect(r.stderr).toContain('.akhookrc.json has 6 problems');
      for (const at of [
        'colour: unknown key',
        'allow[0].fingerprint: not a fingerprint: "akfp1:zz"',
        'allow[0].expires',
        'allow[1]: needs one of',
        'rules.nope-rule',
        'paths[0]',
      ])
        expect(r.stderr).toContain(at);
      expect(r.stderr).not.toMatch(/^\s+at /m);
    }
    repo.write('.akhookrc.json', '{ "allow": [ }');
    expect(cli(repo, ['check']).stderr).toMatch(/\.akhookrc\.json is not valid JSON/);
    repo.git(['rm', '-q', '--cached', '--ignore-unmatch', '.akhookrc.json']);
    rmSync(path.join(repo.dir, '.akhookrc.json'));
    repo.write('.akhookrc.yml', 'allow:\n  - path: [\n');
    const yaml = cli(repo, ['check']);
    expect(yaml.status).toBe(2);
    expect(yaml.stderr).toMatch(/\.akhookrc\.yml is not valid YAML: .*line 3/);
  });

  test('the Chinese message under LANG=zh_CN.UTF-8, and from the config "lang"', () => {
    const repo = project();
    const id = gen.akId();
    repo.write('k.js', `const accessKeyId = "${id}";\n`);
    repo.git(['add', 'k.js']);
    const zh = commit(repo, { LANG: 'zh_CN.UTF-8' });
    expect(zh.status).toBe(1);
    expect(zh.stderr).toContain('已阻止提交');
    expect(zh.stderr).toContain('立即在 RAM 控制台轮换');
    expect(zh.stderr).toContain('操作审计（ActionTrail）');
    expect(zh.stderr).toContain('汇总：发现 1 处');
    expect(zh.stderr).toMatch(/npx ak-hook allow akfp1:[0-9a-f]{32} --reason "说明为何安全"/);
    repo.write('.akhookrc.json', '{ "lang": "zh" }\n');
    track(repo, '.akhookrc.json');
    expect(cli(repo, ['check']).stderr).toContain('已阻止提交');
    expect(cli(repo, ['check', '--lang', 'en']).stderr).toContain('commit blocked');
    // Colour only when asked for (a TTY, or FORCE_COLOR); NO_COLOR wins.
    expect(cli(repo, ['check'], { NO_COLOR: '', FORCE_COLOR: '1' }).stderr).toContain('\x1b[31m');
    expect(cli(repo, ['check'], { NO_COLOR: '1', FORCE_COLOR: '1' }).stderr).not.toContain('\x1b[');
    // An entry that would expire at once is refused.
    expect(cli(repo, ['allow', '--last', '--reason', 'r', '--expires', day(0)]).status).toBe(2);
  });
});

test('no allowlist, baseline, last-run record or output holds a generated secret in full', () => {
  expect(GENERATED.size).toBeGreaterThan(10);
  expect(outputs.length).toBeGreaterThan(20);
  const texts = [...outputs, ...written.filter((f) => existsSync(f)).map((f) => readFileSync(f, 'utf8'))];
  // Every file ak-hook may write: configs, the baseline, and the last-run record under the git dir.
  const ours = /^(\.akhookrc\..*|ak-hook\.config\..*|package\.json|\.akhook-baseline\.json)$/;
  let files = 0;
  for (const repo of repos) {
    const lastDir = path.join(repo.dir, '.git', 'ak-hook');
    const found = [
      ...readdirSync(repo.dir)
        .filter((f) => ours.test(f))
        .map((f) => path.join(repo.dir, f)),
      ...(existsSync(lastDir) ? readdirSync(lastDir).map((f) => path.join(lastDir, f)) : []),
    ];
    for (const f of found) texts.push(readFileSync(f, 'utf8'));
    files += found.length;
  }
  expect(files).toBeGreaterThan(repos.length);
  for (const t of texts) for (const s of GENERATED) expect(t.includes(s) ? s.slice(0, 4) + '… found in output' : 'absent').toBe('absent');
});
