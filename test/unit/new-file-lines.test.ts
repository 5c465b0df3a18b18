/**
 * A new file read from its blob (NewFileLines): its lines, and (issue 11) the shape of the file
 * object: `added` is the shared accessor of the line store, defined after the other fields, so
 * that thousands of new files do not each become a dictionary object.
 */
import { addedCount, addedText } from '../../src/git/added-lines';
import { NewFileLines } from '../../src/git/new-file-lines';

const OID = 'c'.repeat(40);

function read(mode: string, pieces: string[]) {
  const r = new NewFileLines({ path: 'p', mode, oid: OID }, {});
  for (const p of pieces) r.push(Buffer.from(p));
  return r.finish();
}

describe('NewFileLines', () => {
  test('lines split as git writes them, across pieces', () => {
    const f = read('100644', ['one\ntw', 'o\r\nthree']);
    expect(addedCount(f)).toBe(3);
    expect([0, 1, 2].map((i) => addedText(f, i))).toEqual(['one', 'two', 'three']);
    expect(f.added.map((a) => [a.line, a.bytes.toString()])).toEqual([
      [1, 'one'],
      [2, 'two\r'],
      [3, 'three'],
    ]);
  });

  test('every new file shares the accessor pair of `added`; the fields keep their order', () => {
    const a = read('100644', ['x\n']);
    const b = read('100755', ['y\n']);
    const da = Object.getOwnPropertyDescriptor(a, 'added')!;
    const db = Object.getOwnPropertyDescriptor(b, 'added')!;
    expect(da.get).toBe(db.get);
    expect(da.set).toBe(db.set);
    expect(Object.keys(a)).toEqual(['path', 'status', 'kind', 'newOid', 'binary', 'added']);
  });

  test('a symbolic link or a submodule reads no content and adds no line', () => {
    for (const mode of ['120000', '160000']) {
      const r = new NewFileLines({ path: 'p', mode, oid: OID }, {});
      expect(r.readsContent).toBe(false);
      const f = r.finish();
      expect(f.added).toEqual([]);
      expect(Object.keys(f)).toEqual(['path', 'status', 'kind', 'newOid', 'binary', 'added']);
    }
  });
});
