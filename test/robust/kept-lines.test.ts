/**
 * The scan keeps only lines some detector could match; the lines around a finding (an inline
 * allow comment on the line above has no keyword) must still be read, from the added lines or
 * from the staged blob.
 */
import { KeyGen } from '../helpers/keygen';
import { makeRepo } from '../helpers/repo';

test('an allow comment on a line without keywords, above a key, in a new and in a modified file', () => {
  const gen = new KeyGen(31337);
  const repo = makeRepo();
  repo.write('old.txt', 'a\n# ak-hook-allow\nb\n');
  repo.git(['add', '.']);
  repo.git(['commit', '-q', '--no-verify', '-m', 'init']);
  repo.write('new.txt', `x\n// ak-hook-allow\nid = "${gen.akId()}"\n`);
  // modified: the comment line is context (not added), the key line is added below it
  repo.write('old.txt', `a\n# ak-hook-allow\nid = "${gen.akId()}"\nb\n`);
  repo.git(['add', '.']);
  const r = repo.cli(['check', '--format', 'json']);
  const doc = JSON.parse(r.stdout);
  expect(doc.findings).toEqual([]);
  expect(doc.suppressed.map((f: { file: string; line: number }) => `${f.file}:${f.line}`).sort()).toEqual(['new.txt:3', 'old.txt:3']);
  expect(doc.stats.linesScanned).toBe(4);
  expect(r.status).toBe(0);
});

test('a bare secret counts only beside an AccessKeyId: in the new file itself, or elsewhere in a modified one', () => {
  const gen = new KeyGen(4711);
  const repo = makeRepo();
  repo.write('old.txt', `id ${gen.akId()}\nplain\n`);
  repo.git(['add', '.']);
  repo.git(['commit', '-q', '--no-verify', '-m', 'init']);
  const bare = () => gen.akSecret();
  repo.write('with-id.txt', `${bare()}\nid ${gen.akId()}\n`);
  repo.write('alone.txt', `${bare()}\n`);
  repo.write('old.txt', `id x\nplain\n${bare()}\n`.replace('id x', repo.read('old.txt').toString().split('\n')[0]));
  repo.git(['add', '.']);
  const doc = JSON.parse(repo.cli(['check', '--format', 'json']).stdout);
  expect(doc.findings.map((f: { file: string; line: number; ruleId: string }) => `${f.file}:${f.line}:${f.ruleId}`).sort()).toEqual([
    'old.txt:3:alibaba-access-key-secret',
    'with-id.txt:1:alibaba-access-key-secret',
    'with-id.txt:2:alibaba-access-key-id',
  ]);
});
