/**
 * A commit that changes the config (or the package.json key, or the baseline) together with a
 * key: the staged config applies, so the commit may pass, but every run names what the change
 * suppresses compared with the config at HEAD (issue 9). Through real `git commit`.
 */
import { KeyGen } from '../helpers/keygen';
import { commitAll, masked } from '../helpers/project';
import { installHook, makeRepo, type Repo } from '../helpers/repo';

const gen = new KeyGen(20261211);

function repoWithHook(): Repo {
  const repo = makeRepo();
  repo.write('README.md', '# demo\n');
  repo.write('package.json', JSON.stringify({ name: 'demo', version: '1.0.0' }, null, 2) + '\n');
  commitAll(repo);
  installHook(repo);
  return repo;
}

function stageKey(repo: Repo, file = 'src/conf.js'): string {
  const id = gen.akId();
  repo.write(file, `const accessKeyId = "${id}";\n`);
  repo.git(['add', file]);
  return id;
}

function commit(repo: Repo): { status: number | null; stderr: string } {
  const r = repo.gitRaw(['commit', '-q', '-m', 'widen']);
  return { status: r.status, stderr: r.stderr };
}

describe('a config change in the commit is shown', () => {
  test('.akhookrc.json {"exclude": ["**"]}: the commit passes, the output names the excluded file and the masked key', () => {
    const repo = repoWithHook();
    const id = stageKey(repo);
    repo.write('.akhookrc.json', '{"exclude": ["**"]}\n');
    repo.git(['add', '.akhookrc.json']);
    const json = JSON.parse(repo.cli(['check', '--format', 'json']).stdout);
    expect(json.findings).toEqual([]);
    expect(json.configChange).toMatchObject({
      files: ['.akhookrc.json'],
      excluded: expect.arrayContaining(['src/conf.js']),
      rulesOff: [],
      allowed: [{ file: 'src/conf.js', ruleId: 'alibaba-access-key-id', secret: masked(id), unblockedBy: { by: 'excluded' } }],
    });
    const r = commit(repo);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('this commit changes the ak-hook config (.akhookrc.json)');
    expect(r.stderr).toContain('src/conf.js');
    expect(r.stderr).toContain(masked(id));
    expect(r.stderr).not.toContain(id);
    // The next commit has the config at HEAD: nothing changes, nothing is shown.
    repo.write('b.txt', 'hello\n');
    repo.git(['add', 'b.txt']);
    const next = repo.cli(['check']);
    expect(next.status).toBe(0);
    expect(next.stderr).toBe('');
  });

  test('"paths" narrowing, in Chinese too', () => {
    const repo = repoWithHook();
    const id = stageKey(repo);
    repo.write('.akhookrc.json', '{"paths": ["docs/**"]}\n');
    repo.git(['add', '.akhookrc.json']);
    const r = repo.cli(['check', '--lang', 'zh']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('本次提交修改了 ak-hook 配置');
    expect(r.stderr).toContain(masked(id));
  });

  test('a rule turned off', () => {
    const repo = repoWithHook();
    const id = stageKey(repo);
    repo.write('.akhookrc.json', '{"rules": {"alibaba-access-key-id": false}}\n');
    repo.git(['add', '.akhookrc.json']);
    const j = JSON.parse(repo.cli(['check', '--format', 'json']).stdout);
    expect(j.configChange.rulesOff).toEqual(['alibaba-access-key-id']);
    expect(j.configChange.allowed).toMatchObject([{ secret: masked(id), unblockedBy: { by: 'rule-off' } }]);
    const r = commit(repo);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('turns off 1 rule: alibaba-access-key-id');
  });

  test('the package.json "ak-hook" key', () => {
    const repo = repoWithHook();
    const id = stageKey(repo);
    repo.write('package.json', JSON.stringify({ name: 'demo', version: '1.0.0', 'ak-hook': { exclude: ['src/**'] } }, null, 2) + '\n');
    repo.git(['add', 'package.json']);
    const r = commit(repo);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('(package.json)');
    expect(r.stderr).toContain(masked(id));
  });

  test('ak-hook.config.js', () => {
    const repo = repoWithHook();
    const id = stageKey(repo);
    repo.write('ak-hook.config.js', 'module.exports = { exclude: ["src/**"] };\n');
    repo.git(['add', 'ak-hook.config.js']);
    const r = commit(repo);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('(ak-hook.config.js)');
    expect(r.stderr).toContain(masked(id));
  });

  test('a package.json change that leaves the key alone shows nothing', () => {
    const repo = repoWithHook();
    stageKey(repo);
    repo.write('package.json', JSON.stringify({ name: 'demo', version: '1.0.1' }, null, 2) + '\n');
    repo.git(['add', 'package.json']);
    const r = repo.cli(['check', '--format', 'json']);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).configChange).toBeUndefined();
    expect(r.stderr).not.toContain('changes the ak-hook config');
  });

  test('an allow entry and a baseline added with the key', () => {
    const repo = repoWithHook();
    const id = stageKey(repo);
    const fp = JSON.parse(repo.cli(['check', '--format', 'json']).stdout).findings[0].fingerprint;
    repo.write(
      '.akhook-baseline.json',
      JSON.stringify({ version: 1, findings: [{ fingerprint: fp, rule: 'alibaba-access-key-id', file: 'src/conf.js' }] }),
    );
    repo.git(['add', '.akhook-baseline.json']);
    const b = JSON.parse(repo.cli(['check', '--format', 'json']).stdout);
    expect(b.configChange).toMatchObject({
      files: ['.akhook-baseline.json'],
      allowed: [{ secret: masked(id), unblockedBy: { by: 'baseline' } }],
    });
    repo.git(['rm', '-q', '--cached', '.akhook-baseline.json']);
    repo.write('.akhookrc.json', JSON.stringify({ allow: [{ fingerprint: fp, reason: 'sure' }] }));
    repo.git(['add', '.akhookrc.json']);
    const r = commit(repo);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('allow[0]');
    expect(r.stderr).toContain(masked(id));
  });

  test('an untracked config that applies from disk is shown too', () => {
    const repo = repoWithHook();
    const id = stageKey(repo);
    repo.write('.akhookrc.json', '{"exclude": ["src/**"]}\n');
    const r = repo.cli(['check']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('.akhookrc.json');
    expect(r.stderr).toContain(masked(id));
  });
});
