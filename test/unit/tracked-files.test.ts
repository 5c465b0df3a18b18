import { asAddedFile } from '../../src/git/tracked-files';

test('a whole blob becomes a new file: every line added, numbered from 1, CR kept, no phantom last line', () => {
  const f = asAddedFile('a/b.txt', 'f'.repeat(40), Buffer.from('one\r\ntwo\n\nfour'));
  expect(f).toMatchObject({ path: 'a/b.txt', status: 'added', kind: 'file', binary: false });
  expect(f.added.map((a) => [a.line, a.bytes.toString()])).toEqual([
    [1, 'one\r'],
    [2, 'two'],
    [3, ''],
    [4, 'four'],
  ]);
  expect(asAddedFile('x', 'f'.repeat(40), Buffer.from('a\n')).added).toHaveLength(1);
  expect(asAddedFile('x', 'f'.repeat(40), Buffer.alloc(0)).added).toHaveLength(0);
  expect(asAddedFile('x', 'f'.repeat(40), Buffer.from([0x41, 0, 0x42])).binary).toBe(true);
});
