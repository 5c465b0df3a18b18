/**
 * Regressions found by a bug bash from the user's side, each driven through real git.
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, realpathSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { KeyGen } from '../helpers/keygen';
import { commitAll, installedProject, masked } from '../helpers/project';
import { installHook, makeRepo, PROJECT, tmpDir } from '../helpers/repo';

const gen = new KeyGen(20261130);
const HOOKS = path.join(PROJECT, 'hooks');
const PRE = path.join(PROJECT, 'dist/pre-commit.sh');

/**
 * A PATH like a Git GUI's or an IDE's: every tool of the current PATH (git, sh, coreutils)
 * but no node.
 */
function pathWithoutNode(): string {
  const dir = tmpDir('akh-no-node-');
  const seen = new Set(['node', 'nodejs', 'npm', 'npx', 'corepack']);
  for (const d of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!d || !existsSync(d)) continue;
    for (const name of readdirSync(d)) {
      if (seen.has(name)) continue;
      seen.add(name);
      symlinkSync(path.join(d, name), path.join(dir, name));
    }
  }
  return dir;
}

describe('no node on PATH (a GUI client or an IDE running the hook)', () => {
  let noNode: string;
  beforeAll(() => {
    noNode = pathWithoutNode();
  });

  const expectClearStop = (stderr: string) => {
    expect(stderr).toContain('ak-hook: node was not found on PATH');
    expect(stderr).toContain('ak-hook：在 PATH 中找不到 node');
  };

  test('hooks/pre-commit and hooks/pre-push stop with a clear message (exit 2), not "env: node"', () => {
    const repo = makeRepo();
    installedProject(repo);
    repo.write('README.md', '# demo\n');
    commitAll(repo);
    repo.git(['config', 'core.hooksPath', HOOKS]);
    const id = gen.akId();
    repo.write('conf.js', `id = "${id}"\n`);
    repo.git(['add', 'conf.js']);
    const before = repo.snapshot();
    const r = repo.gitRaw(['commit', '-q', '-m', 'x'], { env: { PATH: noNode } });
    expect(r.status).not.toBe(0);
    expectClearStop(r.stderr);
    expect(r.stderr).toContain('The commit was stopped');
    expect(repo.snapshot()).toBe(before);

    const remote = path.join(tmpDir('akh-remote-'), 'remote.git');
    repo.git(['init', '-q', '--bare', remote]);
    repo.git(['commit', '-q', '--no-verify', '-m', 'x']);
    const p = repo.gitRaw(['push', '-q', remote, 'main'], { env: { PATH: noNode } });
    expect(p.status).not.toBe(0);
    expectClearStop(p.stderr);
    expect(p.stderr).toContain('The push was stopped');
    expect(repo.gitRaw(['--git-dir', remote, 'rev-parse', '--verify', '-q', 'refs/heads/main']).stdout).toBe('');
  });

  test('dist/pre-commit.sh stops a commit it cannot prove clean with a clear message (exit 2)', () => {
    const repo = makeRepo();
    repo.write('README.md', '# demo\n');
    commitAll(repo);
    installHook(repo, repo.dir, `sh ${JSON.stringify(PRE)}`);
    const id = gen.akId();
    repo.write('conf.js', `id = "${id}"\n`);
    repo.git(['add', 'conf.js']);
    const r = repo.gitRaw(['commit', '-q', '-m', 'x'], { env: { PATH: noNode } });
    expect(r.status).not.toBe(0);
    expectClearStop(r.stderr);
    expect(r.stderr).toContain('husky - pre-commit script failed (code 2)');
    expect(repo.gitRaw(['rev-list', '--count', 'HEAD']).stdout.trim()).toBe('1');
  });
});

describe('text output', () => {
  test('control characters in a path are escaped, so a file name cannot rewrite the terminal', () => {
    const repo = makeRepo();
    const id = gen.akId();
    const name = 'evil\x1b[2J\x1b[8m\rok.txt';
    repo.write(name, `id = "${id}"\n`);
    repo.git(['add', '-A']);
    const r = repo.cli(['check']);
    expect(r.status).toBe(1);
    expect(r.stderr).not.toContain('\x1b');
    expect(r.stderr).not.toContain('\r');
    expect(r.stderr).toContain('evil\\x1b[2J\\x1b[8m\\rok.txt:1:7');
    expect(r.stderr).toContain(masked(id));
    // JSON keeps the real path (JSON escapes it itself).
    const j = repo.cli(['check', '--format', 'json']);
    expect(JSON.parse(j.stdout).findings[0].file).toBe(name);
  });

  test('a path with a newline stays on one line of the message', () => {
    const repo = makeRepo();
    const id = gen.akId();
    repo.write('a\nb.txt', `id = "${id}"\n`);
    repo.git(['add', '-A']);
    const r = repo.cli(['check']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('  a\\nb.txt:1:7  ');
  });
});

describe('scan', () => {
  test('--history with --index is a usage error (exit 2), not a silently ignored flag', () => {
    const repo = makeRepo();
    repo.write('a.txt', 'one\n');
    commitAll(repo);
    const r = repo.cli(['scan', '--history', '--index', '--format', 'json']);
    expect(r.status).toBe(2);
    // issue 9: a failed run still writes one JSON document, the error
    expect(JSON.parse(r.stdout)).toEqual({ error: { code: 'E_USAGE', message: '--history and --index cannot be used together' } });
    expect(r.stderr).toContain('--history and --index cannot be used together');
  });
});

describe('a config file that does not parse', () => {
  test.each([
    ['.akhookrc.json', (k: string) => `{"allow": [],\n"note": ${k}}\n`],
    ['.akhookrc.json', (k: string) => `{"note": ${k}}\n`],
    ['package.json', (k: string) => `{"name": "x", "ak-hook": {}, "token": ${k}}\n`],
    ['ak-hook.config.cjs', (k: string) => `module.exports = { allow: [ ${k} ${k} ] };\n`],
  ])('%s: the error names the file and quotes none of its text (a key in it stays out of the log)', (file, content) => {
    const repo = makeRepo();
    repo.write('README.md', '# demo\n');
    commitAll(repo);
    installHook(repo);
    const id = gen.akId();
    repo.write(file, content(id));
    repo.git(['add', file]);
    const before = repo.snapshot();
    const r = repo.gitRaw(['commit', '-q', '-m', 'x']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(`ak-hook: error: ${file} is not valid`);
    expect(r.stderr).not.toContain(id.slice(0, 8));
    expect(repo.snapshot()).toBe(before);
    const j = repo.cli(['check', '--format', 'json']);
    expect(j.status).toBe(2);
    expect(JSON.parse(j.stdout).error.code).toBe('E_CONFIG_PARSE');
    expect(j.stdout + j.stderr).not.toContain(id.slice(0, 8));
  });
});

describe('init next to an existing plain hook', () => {
  function projectWithHook(hook: string) {
    const repo = makeRepo();
    installedProject(repo);
    repo.write('README.md', '# demo\n');
    commitAll(repo);
    repo.write('.git/hooks/pre-commit', hook);
    chmodSync(path.join(repo.dir, '.git/hooks/pre-commit'), 0o755);
    return repo;
  }

  test('a python pre-commit hook is not edited (a shell line would break it): init says what to add and exits 2', () => {
    const hook = '#!/usr/bin/env python3\nimport sys\nprint("team hook ran")\nsys.exit(0)\n';
    const repo = projectWithHook(hook);
    const r = repo.cli(['init']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('.git/hooks/pre-commit is not a shell script (#!/usr/bin/env python3)');
    expect(r.stderr).toContain('./node_modules/.bin/ak-hook-pre-commit || exit $?');
    expect(r.stderr).not.toContain('core.hooksPath');
    expect(repo.read('.git/hooks/pre-commit').toString()).toBe(hook);
    repo.write('a.txt', 'hello\n');
    repo.git(['add', 'a.txt']);
    const c = repo.gitRaw(['commit', '-q', '-m', 'x']);
    expect(c).toMatchObject({ status: 0 });
    expect(c.stdout + c.stderr).toContain('team hook ran');
  });

  test('a bash hook gets the line after its shebang, with no claim about core.hooksPath', () => {
    const repo = projectWithHook('#!/usr/bin/env bash\necho team hook ran\nexit 0\n');
    const r = repo.cli(['init']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('.git/hooks/pre-commit');
    expect(r.stdout).not.toContain('core.hooksPath');
    expect(repo.read('.git/hooks/pre-commit').toString()).toBe(
      '#!/usr/bin/env bash\n./node_modules/.bin/ak-hook-pre-commit || exit $?\necho team hook ran\nexit 0\n',
    );
    const id = gen.akId();
    repo.write('conf.js', `id = "${id}"\n`);
    repo.git(['add', 'conf.js']);
    const c = repo.gitRaw(['commit', '-q', '-m', 'x']);
    expect(c.status).toBe(1);
    expect(c.stderr).toContain(masked(id));
  });
});

describe('config problems', () => {
  test('a negated glob under "exclude" gets a hint that fits (not "list it under exclude")', () => {
    const repo = makeRepo();
    repo.write('.akhookrc.json', JSON.stringify({ exclude: ['**/*.test.ts', '!**/keep.test.ts'], paths: ['!vendor/**'] }));
    repo.git(['add', '-A']);
    const r = repo.cli(['check']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('exclude[1]: negated glob "!**/keep.test.ts" is not supported (narrow the other exclude globs');
    expect(r.stderr).toContain('paths[0]: negated glob "!vendor/**" is not supported (list it under "exclude" instead)');
  });
});

describe('--format sarif', () => {
  test('a path with # ? : or a space is one percent-encoded URI (not a fragment, a query or a scheme)', () => {
    const repo = makeRepo();
    const id = gen.akId();
    const files = ['notes#1.txt', 'what?.txt', 'c:conf.txt', 'dir with space/a%b.txt'];
    for (const f of files) repo.write(f, `id = "${id}"\n`);
    repo.git(['add', '-A']);
    const r = repo.cli(['check', '--format', 'sarif']);
    expect(r.status).toBe(1);
    const uris = JSON.parse(r.stdout)
      .runs[0].results.map(
        (x: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) =>
          x.locations[0].physicalLocation.artifactLocation.uri,
      )
      .sort();
    expect(uris).toEqual(['c%3Aconf.txt', 'dir%20with%20space/a%25b.txt', 'notes%231.txt', 'what%3F.txt']);
    for (const u of uris) expect(files).toContain(decodeURIComponent(u));
  });
});

describe('init --lint-staged with a config ak-hook does not edit', () => {
  test.each([
    ['.lintstagedrc', '{"*.js": "eslint"}\n', 'Add this task to it: "*": "ak-hook check"'],
    ['.lintstagedrc.yaml', '"*.js": eslint\n', 'Add this task to it: "*": "ak-hook check"'],
    ['lint-staged.config.js', 'module.exports = { "*.js": "eslint" };\n', 'Add this task to it: "*": () => "ak-hook check"'],
    ['.lintstagedrc.mjs', 'export default { "*.js": "eslint" };\n', 'Add this task to it: "*": () => "ak-hook check"'],
  ])('%s: the task to paste is valid in that file', (file, content, hint) => {
    const repo = makeRepo();
    installedProject(repo, { husky: true, packageJson: { name: 'demo', version: '1.0.0', devDependencies: { 'lint-staged': '^16' } } });
    repo.write(file, content);
    const r = repo.cli(['init', '--lint-staged', '--dry-run']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`lint-staged is configured in ${file}, which ak-hook does not edit. ${hint}\n`);
  });
});

describe('usage errors', () => {
  test('an unknown option names the command and lists its options (not node\'s "place it after --" text)', () => {
    const repo = makeRepo();
    const r = repo.cli(['baseline', '--verbose']);
    expect(r).toMatchObject({ status: 2, stdout: '' });
    expect(r.stderr).toContain(
      'ak-hook: error: "baseline" has no option --verbose (its options: --config, --lang, --help, --version, --quiet, --no-color)',
    );
    expect(r.stderr).not.toContain('positional argument');
    const j = repo.cli(['check', '--formt', 'json']);
    expect(j).toMatchObject({ status: 2, stdout: '' });
    expect(j.stderr).toContain('"check" has no option --formt (did you mean "--format"?) (its options: --format,');
  });
});

describe('a file ak-hook cannot write', () => {
  test('baseline onto a folder: a clear error (exit 2) and no stray .tmp file left in the working tree', () => {
    const repo = makeRepo();
    repo.write('README.md', '# demo\n');
    commitAll(repo);
    repo.write('.akhook-baseline.json/keep', 'x\n');
    const before = repo.snapshot();
    const r = repo.cli(['baseline']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('ak-hook: error: cannot write .akhook-baseline.json: ');
    expect(r.stderr).toContain('Make the file and its folder writable');
    expect(r.stderr).not.toContain('Please report');
    expect(repo.snapshot()).toBe(before);
  });

  test('allow into a folder that does not exist: a clear error (exit 2), nothing written', () => {
    const repo = makeRepo();
    const before = repo.snapshot();
    const r = repo.cli(['allow', `akfp1:${'0'.repeat(32)}`, '--reason', 'fixture', '--config', 'no/such/dir/rc.json'], {
      env: { LANG: 'zh_CN.UTF-8' },
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('无法写入 no/such/dir/rc.json：ENOENT');
    expect(r.stderr).toContain('请确保该文件及其所在目录可写后重试');
    expect(repo.snapshot()).toBe(before);
  });
});

describe('init with a husky hook that ends in exit or exec', () => {
  test.each([
    ['echo lint\nexit 0\n', 'ak-hook-pre-commit\necho lint\nexit 0\n'],
    ['exec echo lint\n', 'ak-hook-pre-commit\nexec echo lint\n'],
  ])('%j: the line goes before it, so it runs and a key is refused', (hook, expected) => {
    const repo = makeRepo();
    installedProject(repo, { husky: true, packageJson: { name: 'demo', version: '1.0.0', scripts: { prepare: 'husky' } } });
    installHook(repo);
    repo.write('.husky/pre-commit', hook);
    const r = repo.cli(['init']);
    expect(r.status).toBe(0);
    expect(repo.read('.husky/pre-commit').toString()).toBe(expected);
    const id = gen.akId();
    repo.write('conf.js', `id = "${id}"\n`);
    repo.git(['add', 'conf.js', '.gitignore', 'package.json']);
    const c = repo.gitRaw(['commit', '-q', '-m', 'x'], {
      env: { PATH: `${path.join(repo.dir, 'node_modules/.bin')}:${process.env.PATH}` },
    });
    expect(c.status).toBe(1);
    expect(c.stderr).toContain(masked(id));
    expect(repo.gitRaw(['rev-parse', '--verify', '-q', 'HEAD']).status).not.toBe(0);
    expect(repo.cli(['uninstall']).status).toBe(0);
    expect(repo.read('.husky/pre-commit').toString()).toBe(hook);
  });
});

test('init moves an ak-hook line that sits after exit 0 (it never ran) instead of saying "already set up"', () => {
  const repo = makeRepo();
  installedProject(repo, { husky: true, packageJson: { name: 'demo', version: '1.0.0', scripts: { prepare: 'husky' } } });
  installHook(repo);
  repo.write('.husky/pre-commit', 'echo lint\nexit 0\nak-hook check\n');
  const r = repo.cli(['init']);
  expect(r.status).toBe(0);
  expect(r.stdout).toContain('added "ak-hook-pre-commit" to .husky/pre-commit');
  expect(repo.read('.husky/pre-commit').toString()).toBe('ak-hook-pre-commit\necho lint\nexit 0\n');
  expect(repo.cli(['init']).stdout).toContain('already set up');
});

describe('a monorepo: the npm package in a folder below the repository root', () => {
  test('init names the root and says to use init --plain, which works: a key is refused and a push stopped', () => {
    const repo = makeRepo();
    repo.write('README.md', '# mono\n');
    repo.write('frontend/package.json', JSON.stringify({ name: 'fe', version: '1.0.0' }));
    repo.write('frontend/.gitignore', 'node_modules/\n');
    mkdirSync(path.join(repo.dir, 'frontend/node_modules'), { recursive: true });
    symlinkSync(PROJECT, path.join(repo.dir, 'frontend/node_modules/ak-hook'));
    commitAll(repo);
    const sub = path.join(repo.dir, 'frontend');
    const r = repo.cli(['init'], { cwd: sub });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`no package.json in ${realpathSync(repo.dir)}, the repository's root`);
    expect(r.stderr).toContain('npx ak-hook init --plain');
    // issue 9: plain hooks are files in .git/hooks (not a core.hooksPath into node_modules)
    mkdirSync(path.join(repo.dir, 'frontend/node_modules/.bin'));
    symlinkSync(path.join(PROJECT, 'dist/cli.js'), path.join(repo.dir, 'frontend/node_modules/.bin/ak-hook'));
    const plain = repo.cli(['init', '--plain'], { cwd: sub });
    expect(plain.status).toBe(0);
    expect(plain.stdout).toContain('.git/hooks/pre-commit');
    expect(repo.read('.git/hooks/pre-commit').toString()).toContain('\npkg=frontend\n');
    const id = gen.akId();
    repo.write('frontend/conf.js', `id = "${id}"\n`);
    repo.git(['add', 'conf.js'], { cwd: sub });
    const c = repo.gitRaw(['commit', '-q', '-m', 'x'], { cwd: sub });
    expect(c.status).toBe(1);
    expect(c.stderr).toContain('frontend/conf.js:1:7');
    expect(c.stderr).toContain(masked(id));

    const remote = path.join(tmpDir('akh-remote-'), 'remote.git');
    repo.git(['init', '-q', '--bare', remote]);
    repo.git(['commit', '-q', '--no-verify', '-m', 'x']);
    const p = repo.gitRaw(['push', '-q', remote, 'main'], { cwd: sub });
    expect(p.status).not.toBe(0);
    expect(p.stderr).toContain('push blocked');
  });
});
