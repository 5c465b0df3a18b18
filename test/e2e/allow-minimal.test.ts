/** The minimal allowlist of the check spine, through real commits: fingerprint, path glob, inline marker. */
import { KeyGen } from '../helpers/keygen';
import { makeRepo } from '../helpers/repo';

const gen = new KeyGen(7);

function setup() {
  const repo = makeRepo({ hook: true });
  repo.write('README.md', '# x\n');
  repo.git(['add', '.']);
  repo.git(['commit', '-q', '-m', 'init']);
  return repo;
}

test('the printed fingerprint, pasted into .akhookrc.json by hand, lets exactly that finding through', () => {
  const repo = setup();
  const id = gen.akId();
  repo.write('docs/sample.md', `Example: \`${id}\`\n`);
  repo.git(['add', '.']);
  const blocked = repo.gitRaw(['commit', '-q', '-m', 'docs']);
  expect(blocked.status).toBe(1);
  const fp = /(?:npx --no ak-hook|node \S+) allow (akfp1:[0-9a-f]{32}) --reason /.exec(blocked.stderr)![1];
  repo.write('.akhookrc.json', JSON.stringify({ allow: [{ fingerprint: fp, reason: 'documentation sample' }] }, null, 2));
  repo.git(['add', '.akhookrc.json']);
  const ok = repo.gitRaw(['commit', '-q', '-m', 'docs']);
  expect(ok.status).toBe(0);
  expect(repo.read('.akhookrc.json').toString()).not.toContain(id);
  // The same secret moved to another file and line stays allowed; a different secret blocks.
  repo.git(['mv', 'docs/sample.md', 'docs/moved.md']);
  repo.write('docs/moved.md', `\n\nMoved: ${id}\n`);
  repo.git(['add', '-A']);
  expect(repo.gitRaw(['commit', '-q', '-m', 'move']).status).toBe(0);
  repo.write('docs/moved.md', `\n\nMoved: ${id}\nNew: ${gen.akId()}\n`);
  repo.git(['add', '-A']);
  const again = repo.gitRaw(['commit', '-q', '-m', 'new key']);
  expect(again.status).toBe(1);
  expect(again.stderr).toContain('docs/moved.md:4:6');
});

test('path globs (dot files included) and the inline marker', () => {
  const repo = setup();
  repo.write('package.json', JSON.stringify({ name: 'x', 'ak-hook': { allow: [{ path: 'fixtures/**', reason: 'fake data' }] } }));
  repo.write('fixtures/.env', `ACCESS_KEY_ID=${gen.akId()}\n`);
  repo.write('src/a.py', `# ak-hook-allow alibaba-access-key-id\nID = "${gen.akId()}"\nOTHER = "${gen.akId()}"  # ak-hook-allow\n`);
  repo.git(['add', '.']);
  const r = repo.cli(['check', '--format', 'json']);
  expect(r.status).toBe(0);
  const doc = JSON.parse(r.stdout);
  expect(doc.findings).toEqual([]);
  expect(doc.suppressed.map((f: { file: string; suppressedBy: { by: string } }) => [f.file, f.suppressedBy.by]).sort()).toEqual([
    ['fixtures/.env', 'path'],
    ['src/a.py', 'inline'],
    ['src/a.py', 'inline'],
  ]);
  // A marker naming another rule does not allow this one.
  repo.write('src/b.py', `ID = "${gen.akId()}"  # ak-hook-allow alibaba-access-key-secret\n`);
  repo.git(['add', '.']);
  expect(repo.cli(['check']).status).toBe(1);
});

test('the config is read from the index: unstaged edits to it do not apply', () => {
  const repo = setup();
  const id = gen.akId();
  repo.write('k.txt', `${id}\n`);
  repo.git(['add', 'k.txt']);
  const fp = JSON.parse(repo.cli(['check', '--format', 'json']).stdout).findings[0].fingerprint;
  // Staged config allows nothing; the working-tree copy allows the key: the staged one wins.
  repo.write('.akhookrc.json', JSON.stringify({ allow: [] }));
  repo.git(['add', '.akhookrc.json']);
  repo.write('.akhookrc.json', JSON.stringify({ allow: [{ fingerprint: fp, reason: 'x' }] }));
  const r = repo.cli(['check', '--verbose']);
  expect(r.status).toBe(1);
  expect(r.stderr).toContain('config: .akhookrc.json (read from the index: staged)');
  repo.git(['add', '.akhookrc.json']);
  expect(repo.cli(['check']).status).toBe(0);
});

test('a package.json that only mentions ak-hook as a dependency is not a config', () => {
  const repo = setup();
  repo.write('package.json', JSON.stringify({ name: 'x', devDependencies: { 'ak-hook': '^0.1.0' } }));
  repo.write('k.txt', `${gen.akId()}\n`);
  repo.git(['add', '.']);
  const r = repo.cli(['check', '--verbose']);
  expect(r.status).toBe(1);
  expect(r.stderr).toContain('config: none');
  expect(r.stderr).toMatch(/(?:npx --no ak-hook|node \S+) allow akfp1:[0-9a-f]{32} --reason/);
});

test('a config the commit deletes from the index (git rm --cached) no longer applies', () => {
  const repo = setup();
  const id = gen.akId();
  repo.write('k.txt', `${id}\n`);
  repo.git(['add', 'k.txt']);
  const fp = JSON.parse(repo.cli(['check', '--format', 'json']).stdout).findings[0].fingerprint;
  repo.write('.akhookrc.json', JSON.stringify({ allow: [{ fingerprint: fp, reason: 'x' }] }));
  repo.git(['add', '.akhookrc.json']);
  expect(repo.cli(['check']).status).toBe(0);
  repo.git(['rm', '-q', '--cached', 'k.txt']);
  repo.git(['commit', '-q', '-m', 'config']);
  repo.git(['add', 'k.txt']);
  expect(repo.cli(['check']).status).toBe(0);
  repo.git(['rm', '-q', '--cached', '.akhookrc.json']);
  const r = repo.cli(['check', '--verbose']);
  expect(r.status).toBe(1);
  expect(r.stderr).not.toContain('config: .akhookrc.json');
});
