/**
 * End-to-end: real `git commit` in temporary repositories with the hook installed through
 * husky, as users install it. Every case asserts the exit status, the message (masked
 * secret shown, full secret absent) and whether the commit was made; blocked cases assert
 * that index, refs and working tree are byte-identical afterwards.
 */
import { KeyGen } from '../helpers/keygen';
import { installHook, makeRepo, type Repo } from '../helpers/repo';

const gen = new KeyGen(20261128);

function commitCount(repo: Repo): number {
  const r = repo.gitRaw(['rev-list', '--count', 'HEAD']);
  return r.status === 0 ? Number(r.stdout.trim()) : 0;
}

function expectBlocked(repo: Repo, args: string[], secret: string, where: string): void {
  const before = repo.snapshot();
  const count = commitCount(repo);
  const r = repo.gitRaw(['commit', '-q', '-m', 'x', ...args]);
  expect(r.status).not.toBe(0);
  expect(r.stderr).toContain('commit blocked');
  expect(r.stderr).toContain(where);
  expect(r.stderr).toContain(secret.slice(0, 4) + '…' + secret.slice(-4));
  expect(r.stderr + r.stdout).not.toContain(secret);
  expect(commitCount(repo)).toBe(count);
  expect(repo.snapshot()).toBe(before);
}

function expectCommitted(repo: Repo, args: string[]): void {
  const count = commitCount(repo);
  const r = repo.gitRaw(['commit', '-q', '-m', 'x', ...args]);
  expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
  expect(commitCount(repo)).toBe(count + 1);
}

function seeded(repo: Repo): void {
  repo.write('README.md', '# demo\n');
  repo.write('src/app.js', 'const a = 1;\n');
  repo.git(['add', '.']);
  repo.git(['commit', '-q', '--no-verify', '-m', 'init']);
}

describe('git commit with the hook installed', () => {
  test('the first commit of a repository (no HEAD) with a key is refused; a clean one goes through', () => {
    const repo = makeRepo({ hook: true });
    const id = gen.akId();
    repo.write('config.js', `module.exports = {\n  accessKeyId: '${id}',\n};\n`);
    repo.git(['add', 'config.js']);
    expectBlocked(repo, [], id, 'config.js:2:17');
    repo.write('config.js', `module.exports = { accessKeyId: process.env.ALIBABA_CLOUD_ACCESS_KEY_ID };\n`);
    repo.git(['add', 'config.js']);
    expectCommitted(repo, []);
  });

  test('git commit -a reads the temporary index git hands the hook', () => {
    const repo = makeRepo({ hook: true });
    seeded(repo);
    const secret = gen.akSecret();
    repo.write('src/app.js', `const a = 1;\nconst accessKeySecret = "${secret}";\n`);
    // Nothing staged: plain `git commit` has nothing to do, `git commit -a` must be blocked.
    expectBlocked(repo, ['-a'], secret, 'src/app.js:2:26');
  });

  test('git commit <path> reads the temporary next-index', () => {
    const repo = makeRepo({ hook: true });
    seeded(repo);
    const id = gen.akId();
    repo.write('src/app.js', `const a = 1;\nconst id = "${id}";\n`);
    repo.write('README.md', '# demo\nclean\n');
    expectBlocked(repo, ['--', 'src/app.js'], id, 'src/app.js:2:13');
    // A key staged in another file is not part of `git commit README.md`: that commit goes through.
    repo.git(['add', 'src/app.js']);
    expectCommitted(repo, ['--', 'README.md']);
    expect(repo.git(['diff', '--cached', '--name-only']).trim()).toBe('src/app.js');
  });

  test('partial staging: only staged lines count, with staged line numbers', () => {
    const repo = makeRepo({ hook: true });
    seeded(repo);
    const staged = gen.akId();
    const unstaged = gen.akId();
    repo.write('src/app.js', `const a = 1;\nconst id = "${staged}";\n`);
    repo.git(['add', 'src/app.js']);
    // Working tree: lines inserted above, the staged key removed, another key added.
    repo.write('src/app.js', `// one\n// two\n// three\nconst a = 1;\nconst other = "${unstaged}";\n`);
    const before = repo.snapshot(true);
    const r = repo.cli(['check', '--format', 'json']);
    expect(repo.snapshot(true)).toBe(before);
    expect(r.status).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.findings).toHaveLength(1);
    expect(doc.findings[0]).toMatchObject({ ruleId: 'alibaba-access-key-id', file: 'src/app.js', line: 2, column: 13 });
    expect(r.stdout + r.stderr).not.toContain(staged);
    expect(r.stdout + r.stderr).not.toContain(unstaged);
    expectBlocked(repo, [], staged, 'src/app.js:2:13');
  });

  test('a key only in the working tree does not block a commit of other staged changes', () => {
    const repo = makeRepo({ hook: true });
    seeded(repo);
    repo.write('src/app.js', `const a = 1;\nconst id = "${gen.akId()}";\n`);
    repo.write('README.md', '# demo\nmore\n');
    repo.git(['add', 'README.md']);
    expectCommitted(repo, []);
  });

  test('renames report only the lines the commit adds', () => {
    const repo = makeRepo({ hook: true });
    const id = gen.akId();
    const lines = Array.from({ length: 20 }, (_, i) => `line ${i}`);
    repo.write('old.txt', [...lines, `legacy id ${id}`].join('\n') + '\n');
    repo.git(['add', '.']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'legacy']);
    repo.git(['mv', 'old.txt', 'new.txt']);
    // A pure rename adds no line: the old key is history, not this commit.
    expectCommitted(repo, []);
    const id2 = gen.akId();
    repo.git(['mv', 'new.txt', 'newer.txt']);
    repo.write('newer.txt', [...lines, `legacy id ${id}`, `fresh id ${id2}`].join('\n') + '\n');
    repo.git(['add', '-A']);
    const r = repo.cli(['check', '--format', 'json']);
    const doc = JSON.parse(r.stdout);
    expect(doc.findings.map((f: { file: string; line: number }) => [f.file, f.line])).toEqual([['newer.txt', 22]]);
  });

  test('deleted files, mode-only changes, symlinks and submodules pass without a crash; a key as a link target is found', () => {
    const repo = makeRepo({ hook: true });
    seeded(repo);
    repo.git(['rm', '-q', 'README.md']);
    repo.git(['update-index', '--chmod=+x', 'src/app.js']);
    repo.git(['add', '.']);
    expectCommitted(repo, []);
    const target = gen.akId();
    const link = repo.gitRaw(['hash-object', '-w', '--stdin'], { input: target }).stdout.trim();
    repo.git(['update-index', '--add', '--cacheinfo', `120000,${link},link-to-key`]);
    const sub = repo.git(['rev-parse', 'HEAD']).trim();
    repo.git(['update-index', '--add', '--cacheinfo', `160000,${sub},vendor/sub`]);
    const r = repo.cli(['check', '--format', 'json']);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).findings.map((f: { file: string; line: number }) => `${f.file}:${f.line}`)).toEqual(['link-to-key:1']);
  });

  test('binary files are read as text runs: a key after a NUL byte is found on its line', () => {
    const repo = makeRepo({ hook: true });
    seeded(repo);
    repo.write('img.bin', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]), Buffer.from(`\nid=${gen.akId()}\n`)]));
    repo.git(['add', '.']);
    const r = repo.cli(['check', '--format', 'json']);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).findings.map((f: { file: string; line: number }) => `${f.file}:${f.line}`)).toEqual(['img.bin:2']);
    expect(JSON.parse(r.stdout).stats.textRuns).toEqual(['img.bin']);
  });

  test('CRLF files: no CR in the secret, right line numbers', () => {
    const repo = makeRepo({ hook: true });
    seeded(repo);
    const secret = gen.akSecret();
    repo.write('win.ini', `[default]\r\nregion=cn-hangzhou\r\naccess_key_secret=${secret}\r\n`);
    repo.git(['add', '.']);
    const r = repo.cli(['check', '--format', 'json']);
    const doc = JSON.parse(r.stdout);
    expect(doc.findings).toHaveLength(1);
    expect(doc.findings[0]).toMatchObject({ file: 'win.ini', line: 3, column: 19 });
    expect(doc.findings[0].secret).toBe(`${secret.slice(0, 4)}…${secret.slice(-4)}`);
  });

  test('non-ASCII, space- and quote-containing paths are reported as real UTF-8 paths', () => {
    const repo = makeRepo({ hook: true });
    seeded(repo);
    const names = ['配置/密钥 文件.txt', 'dir with space/a b.txt', 'quo"te\\back.txt', 'tab\there.txt'];
    for (const n of names) repo.write(n, `key = ${gen.akId()}\n`);
    repo.git(['add', '.']);
    const r = repo.cli(['check', '--format', 'json']);
    const files = JSON.parse(r.stdout)
      .findings.map((f: { file: string }) => f.file)
      .sort();
    expect(files).toEqual([...names].sort());
  });

  test('worktrees (.git is a file) and a subdirectory as cwd', () => {
    const repo = makeRepo({ hook: true });
    seeded(repo);
    const wt = repo.dir + '-wt';
    repo.git(['worktree', 'add', '-q', wt, '-b', 'feature']);
    installHook(repo, wt);
    const id = gen.akId();
    repo.write('../repo-wt/src/deep/k.py', `ID = "${id}"\n`);
    repo.git(['add', '.'], { cwd: wt });
    const r = repo.cli(['check', '--format', 'json'], { cwd: wt + '/src' });
    expect(JSON.parse(r.stdout).findings.map((f: { file: string }) => f.file)).toEqual(['src/deep/k.py']);
    const c = repo.gitRaw(['commit', '-q', '-m', 'x'], { cwd: wt });
    expect(c.status).not.toBe(0);
    expect(c.stderr).toContain('src/deep/k.py:1:7');
    expect(c.stderr).not.toContain(id);
  });

  test('GIT_DIR and GIT_WORK_TREE from the environment', () => {
    const repo = makeRepo({ hook: false });
    seeded(repo);
    repo.write('k.txt', `id: ${gen.akId()}\n`);
    repo.git(['add', 'k.txt']);
    const r = repo.cli(['check', '--format', 'json'], { cwd: repo.home, env: { GIT_DIR: repo.dir + '/.git', GIT_WORK_TREE: repo.dir } });
    expect(JSON.parse(r.stdout).findings.map((f: { file: string }) => f.file)).toEqual(['k.txt']);
  });

  test('a merge commit is checked against HEAD: lines merged in from the other branch count', () => {
    const repo = makeRepo({ hook: true });
    seeded(repo);
    repo.git(['checkout', '-q', '-b', 'side']);
    const id = gen.akId();
    repo.write('side.txt', `id=${id}\n`);
    repo.git(['add', '.']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'side (skipped the hook)']);
    repo.git(['checkout', '-q', 'main']);
    repo.write('main.txt', 'main\n');
    repo.git(['add', '.']);
    repo.git(['commit', '-q', '-m', 'main']);
    repo.git(['merge', '--no-ff', '--no-commit', 'side']);
    expectBlocked(repo, [], id, 'side.txt:1:4');
  });

  test("a user's hostile git config does not change the result", () => {
    const repo = makeRepo({ hook: true });
    seeded(repo);
    repo.git(['mv', 'src/app.js', 'src/renamed.js']);
    const id = gen.akId();
    repo.write('src/renamed.js', `const a = 1;\nconst id = "${id}";\n`);
    repo.write('ünï.txt', `x=${gen.akId()}\n`);
    repo.git(['add', '-A']);
    const clean = repo.cli(['check', '--format', 'json']);
    const hostile: Array<[string, string]> = [
      ['diff.external', 'false'],
      ['color.ui', 'always'],
      ['color.diff', 'always'],
      ['diff.noprefix', 'true'],
      ['diff.mnemonicPrefix', 'true'],
      ['diff.renames', 'false'],
      ['core.quotePath', 'true'],
      ['diff.algorithm', 'patience'],
      ['diff.relative', 'true'],
      ['diff.context', '7'],
      ['diff.interHunkContext', '9'],
      ['diff.submodule', 'diff'],
      ['diff.suppressBlankEmpty', 'true'],
      ['core.pager', 'false'],
    ];
    for (const [k, v] of hostile) repo.git(['config', '--global', k, v]);
    repo.write('.gitattributes', '*.js -diff\n*.txt diff=evil\n');
    repo.git(['config', '--global', 'diff.evil.textconv', 'false']);
    const r = repo.cli(['check', '--format', 'json'], { env: { GIT_EXTERNAL_DIFF: 'false', GIT_DIFF_OPTS: '--unified=9' } });
    expect(r.stdout).toBe(clean.stdout);
    expect(JSON.parse(r.stdout).findings.map((f: { file: string; line: number }) => `${f.file}:${f.line}`)).toEqual([
      'src/renamed.js:2',
      'ünï.txt:1',
    ]);
  });
});
