/**
 * Commits that skipped the pre-commit hook: `check --range` and `check --pre-push`, the
 * latter driven by a real `git push` through the plain hooks/pre-push script.
 */
import { chmodSync, copyFileSync } from 'node:fs';
import * as path from 'node:path';
import { KeyGen } from '../helpers/keygen';
import { commitAll, installedProject, masked } from '../helpers/project';
import { installHook, json, makeRepo, PROJECT, tmpDir, type Repo } from '../helpers/repo';

const gen = new KeyGen(20261129);
const HOOKS = path.join(PROJECT, 'hooks');

function withRemote(): { repo: Repo; remote: string } {
  const repo = makeRepo();
  installedProject(repo);
  const remote = path.join(tmpDir('akh-remote-'), 'remote.git');
  repo.git(['init', '-q', '--bare', remote]);
  repo.git(['remote', 'add', 'origin', remote]);
  repo.git(['config', 'core.hooksPath', HOOKS]);
  repo.write('README.md', '# demo\n');
  commitAll(repo);
  return { repo, remote };
}

const remoteRef = (repo: Repo, remote: string, ref: string) =>
  repo.gitRaw(['--git-dir', remote, 'rev-parse', '--verify', '-q', ref]).stdout.trim();

describe('check --range', () => {
  test('reports a key added and removed inside the range, at the commit that added it', () => {
    const repo = makeRepo();
    repo.write('a.txt', 'one\n');
    const base = commitAll(repo);
    const id = gen.akId();
    repo.write('src/conf.js', `const cfg = {\n  id: "${id}",\n};\n`);
    const bad = commitAll(repo, 'add key');
    repo.write('src/conf.js', 'const cfg = {};\n');
    commitAll(repo, 'remove key');

    const r = repo.cli(['check', '--range', `${base}..HEAD`, '--format', 'json']);
    expect(r.status).toBe(1);
    const doc = json(r);
    expect(doc.findings).toHaveLength(1);
    expect(doc.findings[0]).toMatchObject({
      file: 'src/conf.js',
      line: 2,
      column: 8,
      secret: masked(id),
      commit: { sha: bad, author: 'Test' },
    });
    expect(r.stderr).toContain(`commit ${bad.slice(0, 12)}`);
    expect(r.stdout + r.stderr).not.toContain(id);

    // The range after the removal adds no key.
    expect(repo.cli(['check', '--range', 'HEAD~1..HEAD'])).toMatchObject({ status: 0, stderr: '' });
  });

  test('a revision that looks like an option is refused (exit 2), never passed to git as one', () => {
    const repo = makeRepo();
    repo.write('a.txt', 'one\n');
    commitAll(repo);
    const r = repo.cli(['check', '--range=--output=x.txt']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('not a revision');
    expect(repo.gitRaw(['ls-files', '--others']).stdout).toBe('');
    const paths = repo.cli(['check', '--range', 'HEAD', 'a.txt']);
    expect(paths.status).toBe(2);
    expect(paths.stderr).toContain('takes no paths');
  });
});

describe('git push through hooks/pre-push', () => {
  test('a key committed with --no-verify is refused at push; nothing reaches the remote; the fixed commit goes', () => {
    const { repo, remote } = withRemote();
    const secret = gen.akSecret();
    repo.write('app.js', `const accessKeySecret = "${secret}";\n`);
    const bad = commitAll(repo, 'oops');

    const r = repo.gitRaw(['push', '-q', 'origin', 'main']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('push blocked');
    expect(r.stderr).toContain(`commit ${bad.slice(0, 12)}`);
    expect(r.stderr).toContain('app.js:1:26');
    expect(r.stderr).toContain(masked(secret));
    expect(r.stderr).not.toContain(secret);
    expect(remoteRef(repo, remote, 'refs/heads/main')).toBe('');

    repo.write('app.js', 'const accessKeySecret = process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET;\n');
    repo.git(['add', 'app.js']);
    repo.git(['commit', '-q', '--amend', '--no-verify', '-m', 'fixed']);
    expect(repo.gitRaw(['push', '-q', 'origin', 'main']).status).toBe(0);
    expect(remoteRef(repo, remote, 'refs/heads/main')).toBe(repo.git(['rev-parse', 'HEAD']).trim());
  });

  test('a new branch scans only commits no remote-tracking branch has; deletions pass', () => {
    const { repo, remote } = withRemote();
    // History already on the remote (pushed past the hook) is not scanned again.
    repo.write('old.js', `const id = "${gen.akId()}";\n`);
    commitAll(repo, 'old key');
    expect(repo.gitRaw(['push', '-q', '--no-verify', 'origin', 'main']).status).toBe(0);

    repo.git(['checkout', '-q', '-b', 'feature']);
    repo.write('feature.js', 'export const f = 1;\n');
    commitAll(repo, 'clean feature');
    expect(repo.gitRaw(['push', '-q', 'origin', 'feature'])).toMatchObject({ status: 0 });

    const id = gen.akId();
    repo.git(['checkout', '-q', '-b', 'feature2']);
    repo.write('f2.js', `const id = "${id}";\n`);
    commitAll(repo, 'key on a new branch');
    const r = repo.gitRaw(['push', '-q', 'origin', 'feature2']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(masked(id));
    expect(r.stderr).not.toContain('old.js');
    expect(remoteRef(repo, remote, 'refs/heads/feature2')).toBe('');

    expect(repo.gitRaw(['push', '-q', 'origin', ':feature']).status).toBe(0);
    expect(remoteRef(repo, remote, 'refs/heads/feature')).toBe('');
  });

  test('husky: the README line in .husky/pre-push refuses a --no-verify key at push', () => {
    const { repo, remote } = withRemote();
    repo.git(['config', '--unset', 'core.hooksPath']);
    installHook(repo, repo.dir, 'true');
    repo.write('.husky/pre-push', 'ak-hook check --pre-push "$@"\n');
    const id = gen.akId();
    repo.write('conf.js', `id = "${id}"\n`);
    commitAll(repo, 'oops');
    const r = repo.gitRaw(['push', '-q', 'origin', 'main'], {
      env: { PATH: `${path.join(repo.dir, 'node_modules/.bin')}:${process.env.PATH}` },
    });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('push blocked');
    expect(r.stderr).toContain(masked(id));
    expect(remoteRef(repo, remote, 'refs/heads/main')).toBe('');
  });

  test('the pre-push input is read exactly: deletions skipped, malformed lines refused', () => {
    const { repo } = withRemote();
    const zeros = '0'.repeat(40);
    const head = repo.git(['rev-parse', 'HEAD']).trim();
    const del = repo.cli(['check', '--pre-push', 'origin', 'url'], { input: `(delete) ${zeros} refs/heads/x ${head}\n` });
    expect(del).toMatchObject({ status: 0, stderr: '' });
    const bad = repo.cli(['check', '--pre-push'], { input: 'refs/heads/main nonsense\n' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('unexpected pre-push input');
  });

  test('hooks/pre-commit runs the installed ak-hook: a staged key is refused, a clean commit goes', () => {
    const { repo } = withRemote();
    const id = gen.akId();
    repo.write('conf.js', `id = "${id}"\n`);
    repo.git(['add', 'conf.js']);
    const before = repo.snapshot();
    const r = repo.gitRaw(['commit', '-q', '-m', 'x']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('commit blocked');
    expect(r.stderr).toContain(masked(id));
    expect(repo.snapshot()).toBe(before);
    repo.write('conf.js', 'id = process.env.ID\n');
    repo.git(['add', 'conf.js']);
    expect(repo.gitRaw(['commit', '-q', '-m', 'x'])).toMatchObject({ status: 0, stderr: '' });
  });

  test('without ak-hook installed, both plain hooks (copied out of the package) stop with a clear message (exit 2)', () => {
    const repo = makeRepo();
    // Copied, as into .git/hooks: run from node_modules/ak-hook/hooks they would find their own package.
    const copied = tmpDir('akh-hooks-');
    for (const h of ['pre-commit', 'pre-push']) {
      copyFileSync(path.join(HOOKS, h), path.join(copied, h));
      chmodSync(path.join(copied, h), 0o755);
    }
    repo.git(['config', 'core.hooksPath', copied]);
    repo.write('a.txt', 'one\n');
    repo.git(['add', 'a.txt']);
    const r = repo.gitRaw(['commit', '-q', '-m', 'x'], { env: { PATH: path.dirname(process.execPath) + ':/usr/bin:/bin' } });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('ak-hook: not installed in this project');
    expect(r.stderr).toContain('Fix: run "npm ci"');
    expect(r.stderr).toContain('ak-hook：本项目未安装 ak-hook');
    expect(repo.gitRaw(['rev-parse', '--verify', '-q', 'HEAD']).status).not.toBe(0);

    const remote = path.join(tmpDir('akh-remote-'), 'remote.git');
    repo.git(['init', '-q', '--bare', remote]);
    repo.git(['commit', '-q', '--no-verify', '-m', 'x']);
    const p = repo.gitRaw(['push', '-q', remote, 'main'], { env: { PATH: path.dirname(process.execPath) + ':/usr/bin:/bin' } });
    expect(p.status).not.toBe(0);
    expect(p.stderr).toContain('The push was stopped');
    expect(remoteRef(repo, remote, 'refs/heads/main')).toBe('');
  });
});

describe('a config change in the pushed commits is shown (issue 9)', () => {
  test('an exclude pushed with a --no-verify key: the push passes (the config applies) and names the key it lets through', () => {
    const { repo } = withRemote();
    expect(repo.gitRaw(['push', '-q', 'origin', 'main']).status).toBe(0);
    const base = repo.git(['rev-parse', 'HEAD']).trim();
    const id = gen.akId();
    repo.write('src/conf.js', `const id = "${id}";\n`);
    repo.write('.akhookrc.json', '{"exclude": ["src/**"]}\n');
    const bad = commitAll(repo, 'widen');
    repo.write('b.txt', 'more\n');
    commitAll(repo, 'after');

    const r = repo.gitRaw(['push', '-q', 'origin', 'main']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`differs from the config at ${base.slice(0, 12)}`);
    expect(r.stderr).toContain('(.akhookrc.json)');
    expect(r.stderr).toContain(`${bad.slice(0, 12)}:src/conf.js:1:13`);
    expect(r.stderr).toContain(masked(id));
    expect(r.stderr).toContain('undo the config change in a new commit and push again');
    expect(r.stderr).not.toContain(id);

    // The same range checked by hand, in JSON and in Chinese.
    const j = json(repo.cli(['check', '--range', `${base}..HEAD`, '--format', 'json'])) as Record<string, unknown>;
    expect(j.findings).toEqual([]);
    expect(j.configChange).toMatchObject({
      files: ['.akhookrc.json'],
      base,
      excluded: ['src/conf.js'],
      allowed: [{ file: 'src/conf.js', secret: masked(id), commit: { sha: bad }, unblockedBy: { by: 'excluded' } }],
    });
    const zh = repo.cli(['check', '--range', `${base}..HEAD`, '--lang', 'zh']);
    expect(zh.status).toBe(0);
    expect(zh.stderr).toContain('这些提交按 ak-hook 配置');
    expect(zh.stderr).toContain(masked(id));

    // Once pushed, the next push builds on the widened config: nothing more to show.
    repo.write('c.txt', 'clean\n');
    commitAll(repo, 'clean');
    expect(repo.gitRaw(['push', '-q', 'origin', 'main'])).toMatchObject({ status: 0, stderr: '' });
  });

  test('an allow entry and a rule switched off in the range; a range that changes no config shows nothing', () => {
    const repo = makeRepo();
    repo.write('a.txt', 'one\n');
    const base = commitAll(repo);
    const id = gen.akId();
    repo.write('app.js', `const id = "${id}";\n`);
    const secret = gen.akSecret();
    repo.write('conf.js', `const accessKeySecret = "${secret}";\n`);
    commitAll(repo, 'keys');
    const fp = (
      json(repo.cli(['check', '--range', `${base}..HEAD`, '--format', 'json'])).findings as Array<{ ruleId: string; fingerprint: string }>
    ).find((f) => f.ruleId === 'alibaba-access-key-id')!.fingerprint;
    repo.write(
      '.akhookrc.json',
      JSON.stringify({
        allow: [{ fingerprint: fp, reason: 'test fixture' }],
        rules: { 'alibaba-access-key-secret': false, 'generic-secret': false },
      }),
    );
    commitAll(repo, 'allow');

    const r = repo.cli(['check', '--range', `${base}..HEAD`]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('turns off 2 rules: alibaba-access-key-secret, generic-secret');
    expect(r.stderr).toContain(masked(id));
    expect(r.stderr).toContain('allow[0]');
    expect(r.stderr).toContain(masked(secret));
    expect(r.stderr).toContain('rule turned off');
    expect(r.stderr).toContain('and check again');
    expect(r.stdout + r.stderr).not.toContain(id);

    // A range after the config change: the config it builds on is the same.
    repo.write('d.txt', 'x\n');
    const next = commitAll(repo, 'd');
    expect(repo.cli(['check', '--range', `${next}~1..${next}`])).toMatchObject({ status: 0, stderr: '' });
  });
});
