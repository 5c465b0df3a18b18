import { DiffParser } from '../../src/git/parse-diff';
import { LineSplitter } from '../../src/git/line-splitter';
import { unquoteGitPath } from '../../src/git/unquote';

function parse(text: string | Buffer, chunk = 7) {
  const p = new DiffParser();
  const s = new LineSplitter((l) => p.line(l));
  const buf = Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8');
  // Feed in small chunks so lines span chunk boundaries.
  for (let i = 0; i < buf.length; i += chunk) s.push(buf.subarray(i, i + chunk));
  s.end();
  return p.finish().map((f) => ({ ...f, added: f.added.map((a) => [a.line, a.bytes.toString('utf8')]) }));
}

const OID_A = 'a'.repeat(40);
const OID_B = 'b'.repeat(40);

describe('DiffParser', () => {
  test('added lines with new-file line numbers, across hunks', () => {
    const out = parse(
      [
        'diff --git a/src/x.js b/src/x.js',
        `index ${OID_A}..${OID_B} 100644`,
        '--- a/src/x.js',
        '+++ b/src/x.js',
        '@@ -1,2 +1,3 @@',
        '-old one',
        '-old two',
        '+new one',
        '+new two',
        '+new three',
        '@@ -10 +11,0 @@',
        '-gone',
        '@@ -20,0 +21 @@ function f() {',
        '+inserted',
        '',
      ].join('\n'),
    );
    expect(out).toEqual([
      {
        path: 'src/x.js',
        status: 'modified',
        kind: 'file',
        oldOid: OID_A,
        newOid: OID_B,
        binary: false,
        added: [
          [1, 'new one'],
          [2, 'new two'],
          [3, 'new three'],
          [21, 'inserted'],
        ],
      },
    ]);
  });

  test('hunk content that looks like headers is taken as content', () => {
    const out = parse(
      [
        'diff --git a/a.txt b/a.txt',
        'new file mode 100644',
        `index ${'0'.repeat(40)}..${OID_B}`,
        '--- /dev/null',
        '+++ b/a.txt',
        '@@ -0,0 +1,4 @@',
        '+diff --git a/evil b/evil',
        '++++ b/evil',
        '+@@ -1 +1 @@',
        '+',
        '',
      ].join('\n'),
    );
    expect(out).toHaveLength(1);
    expect(out[0].status).toBe('added');
    expect(out[0].oldOid).toBeUndefined();
    expect(out[0].added).toEqual([
      [1, 'diff --git a/evil b/evil'],
      [2, '+++ b/evil'],
      [3, '@@ -1 +1 @@'],
      [4, ''],
    ]);
  });

  test('renames, copies, deletions, modes, submodules, symlinks, no-newline markers', () => {
    const out = parse(
      [
        'diff --git a/old name.txt b/new name.txt',
        'similarity index 90%',
        'rename from old name.txt',
        'rename to new name.txt',
        `index ${OID_A}..${OID_B} 100644`,
        '--- a/old name.txt\t',
        '+++ b/new name.txt\t',
        '@@ -3,0 +4 @@',
        '+added',
        '\\ No newline at end of file',
        'diff --git a/gone.txt b/gone.txt',
        'deleted file mode 100644',
        `index ${OID_A}..${'0'.repeat(40)}`,
        '--- a/gone.txt',
        '+++ /dev/null',
        '@@ -1 +0,0 @@',
        '-bye',
        'diff --git a/run.sh b/run.sh',
        'old mode 100644',
        'new mode 100755',
        'diff --git a/sub b/sub',
        'new file mode 160000',
        `index ${'0'.repeat(40)}..${OID_B}`,
        '--- /dev/null',
        '+++ b/sub',
        '@@ -0,0 +1 @@',
        `+Subproject commit ${OID_B}`,
        'diff --git a/ln b/ln',
        'new file mode 120000',
        `index ${'0'.repeat(40)}..${OID_B}`,
        '--- /dev/null',
        '+++ b/ln',
        '@@ -0,0 +1 @@',
        '+target',
        '\\ No newline at end of file',
        '',
      ].join('\n'),
      3,
    );
    expect(out.map((f) => [f.path, f.oldPath, f.status, f.kind, f.added.length])).toEqual([
      ['new name.txt', 'old name.txt', 'renamed', 'file', 1],
      ['gone.txt', undefined, 'deleted', 'file', 0],
      ['run.sh', undefined, 'modified', 'file', 0],
      ['sub', undefined, 'added', 'submodule', 1],
      ['ln', undefined, 'added', 'symlink', 1],
    ]);
    expect(out[0].added).toEqual([[4, 'added']]);
  });

  test('quoted paths are decoded to UTF-8; CR stays in the raw bytes for the decoder', () => {
    const out = parse(
      Buffer.concat([
        Buffer.from('diff --git "a/\\351\\205\\215\\tx" "b/\\351\\205\\215\\tx"\nnew file mode 100644\n'),
        Buffer.from(`index ${'0'.repeat(40)}..${OID_B}\n--- /dev/null\n+++ "b/\\351\\205\\215\\tx"\n@@ -0,0 +1 @@\n+a\r\n`),
      ]),
    );
    expect(out[0].path).toBe('配\tx');
    expect(out[0].added).toEqual([[1, 'a\r']]);
  });

  test('NUL bytes mark a file binary', () => {
    const out = parse(`diff --git a/b b/b\nnew file mode 100644\n--- /dev/null\n+++ b/b\n@@ -0,0 +1 @@\n+PNG\0\0\n`);
    expect(out[0].binary).toBe(true);
  });

  test('truncated or malformed output is an error, not a silent pass', () => {
    expect(() => parse('diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +1,2 @@\n+only one\n')).toThrow(/ended inside a hunk/);
    expect(() => parse('garbage\n')).toThrow(/before the first file header/);
    expect(() => parse('diff --git a/x b/x\n@@ nonsense @@\n')).toThrow(/malformed hunk header/);
    expect(() => parse('diff --git a/x b/x\n@@ -1 +1 @@\n?what\n')).toThrow(/malformed hunk line/);
  });
});

describe('unquoteGitPath', () => {
  test.each([
    ['plain/path.txt', 'plain/path.txt'],
    ['"a\\tb"', 'a\tb'],
    ['"a\\nb"', 'a\nb'],
    ['"q\\"uote\\\\back"', 'q"uote\\back'],
    ['"\\344\\270\\255\\346\\226\\207"', '中文'],
  ])('%s', (raw, expected) => {
    expect(unquoteGitPath(Buffer.from(raw, 'latin1'))).toBe(expected);
  });
});

describe('DiffParser handing files over as they end (streaming, issue 11)', () => {
  const diff = [
    'diff --git a/a.txt b/a.txt',
    'new file mode 100644',
    `index ${'0'.repeat(40)}..${OID_A}`,
    '--- /dev/null',
    '+++ b/a.txt',
    '@@ -0,0 +1,3 @@',
    '+one\0',
    '+two',
    '+three',
    'diff --git a/b.txt b/b.txt',
    `index ${OID_A}..${OID_B} 100644`,
    '--- a/b.txt',
    '+++ b/b.txt',
    '@@ -1 +1,2 @@',
    '-x',
    '+y',
    '+z',
    '',
  ].join('\n');

  test('each file once its next header (or the end) arrives; none kept in `files`', () => {
    const seen: Array<[string, number]> = [];
    const p = new DiffParser({ onFile: (f) => seen.push([f.path, f.added.length]) });
    const s = new LineSplitter((l) => p.line(l));
    const lines = diff.split('\n');
    for (const l of lines.slice(0, 10)) s.push(Buffer.from(l + '\n'));
    // a.txt ends when b.txt's header arrives, b.txt at finish().
    expect(seen).toEqual([['a.txt', 3]]);
    for (const l of lines.slice(10)) s.push(Buffer.from(l + '\n'));
    s.end();
    expect(p.finish()).toEqual([]);
    expect(seen).toEqual([
      ['a.txt', 3],
      ['b.txt', 2],
    ]);
  });

  test('firstBinaryLine: a file with a NUL keeps one line (its blob is what a scan reads); text files keep all', () => {
    const got: Array<{ path: string; binary: boolean; added: Array<[number, string]> }> = [];
    const p = new DiffParser({
      firstBinaryLine: true,
      onFile: (f) => got.push({ path: f.path, binary: f.binary, added: f.added.map((a) => [a.line, a.bytes.toString('latin1')]) }),
    });
    const s = new LineSplitter((l) => p.line(l));
    s.push(Buffer.from(diff));
    s.end();
    p.finish();
    expect(got).toEqual([
      { path: 'a.txt', binary: true, added: [[1, 'one\0']] },
      {
        path: 'b.txt',
        binary: false,
        added: [
          [1, 'y'],
          [2, 'z'],
        ],
      },
    ]);
  });
});

/**
 * Issue 11: the headers are read in place (no Buffer per line, no regex per file). Each field
 * is compared with what the regexes the parser used before give, on the forms git writes and
 * on near misses.
 */
describe('DiffParser reads headers in place, as the regexes read them', () => {
  const HUNK = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;
  const INDEX = /^([0-9a-f]+)\.\.([0-9a-f]+)(?: ([0-7]+))?$/;
  const kindOfMode = (m: string) => (m === '160000' ? 'submodule' : m === '120000' ? 'symlink' : 'file');

  /** What the regex reading gives for a file with this hunk header and one added line per new line. */
  function viaRegex(hunk: string): Array<[number, string]> | 'malformed' {
    const m = HUNK.exec(hunk.slice(0, 200));
    if (!m) return 'malformed';
    const n = m[3] === undefined ? 1 : Number(m[3]);
    return Array.from({ length: n }, (_, i) => [Number(m[2]) + i, `l${i}`] as [number, string]);
  }

  test.each([
    '@@ -1 +1 @@',
    '@@ -1,2 +3,4 @@',
    '@@ -0,0 +1,3 @@ function f() {',
    '@@ -10 +11,0 @@',
    '@@ -5,0 +6 @@',
    '@@ -123456789,3 +987654321,2 @@ tail @@ more',
    '@@ -1, +1 @@',
    '@@ -1 +1,@@',
    '@@ -a +1 @@',
    '@@ -1 +1@@',
    '@@ -1  +1 @@',
    '@@ +1 -1 @@',
    `@@ -${'9'.repeat(190)} +1 @@`,
    `@@ -${'1'.repeat(20)} +1 @@`,
  ])('%s', (hunk) => {
    const expected = viaRegex(hunk);
    const m = HUNK.exec(hunk.slice(0, 200));
    const old = m ? (m[1] === undefined ? 1 : Number(m[1])) : 0;
    const body = expected === 'malformed' ? [] : [...Array.from({ length: old }, () => '-gone'), ...expected.map(([, t]) => `+${t}`)];
    const text = ['diff --git a/x b/x', `index ${OID_A}..${OID_B} 100644`, '--- a/x', '+++ b/x', hunk, ...body, ''].join('\n');
    if (expected === 'malformed') expect(() => parse(text)).toThrow(/malformed hunk header/);
    else expect(parse(text)[0].added).toEqual(expected.map(([n, t]) => [n, t]));
  });

  test.each([
    `${OID_A}..${OID_B} 100644`,
    `${OID_A}..${OID_B} 100755`,
    `${OID_A}..${OID_B} 120000`,
    `${OID_A}..${OID_B} 160000`,
    `${'0'.repeat(40)}..${OID_B} 100644`,
    `${OID_A}..${'0'.repeat(40)}`,
    `${OID_A}..${OID_B}`,
    `abc..def 1`,
    `${OID_A}..${OID_B} 100648`,
    `${OID_A}..${OID_B} `,
    `${OID_A}..${OID_B}  100644`,
    `${OID_A}...${OID_B} 100644`,
    `${OID_A.toUpperCase()}..${OID_B} 100644`,
    `..${OID_B} 100644`,
    `${OID_A}.. 100644`,
    `${OID_A}..${OID_B} 100644 x`,
    `${OID_A}`,
  ])('index %s', (rest) => {
    const m = INDEX.exec(rest);
    const expected: Record<string, string> = { kind: 'file' };
    if (m) {
      if (!/^0+$/.test(m[1])) expected.oldOid = m[1];
      if (!/^0+$/.test(m[2])) expected.newOid = m[2];
      if (m[3]) expected.kind = kindOfMode(m[3]);
    }
    const [f] = parse(['diff --git a/x b/x', `index ${rest}`, ''].join('\n'));
    expect({ kind: f.kind, oldOid: f.oldOid, newOid: f.newOid }).toEqual({ oldOid: undefined, newOid: undefined, ...expected });
  });

  test.each([
    ['b/plain.txt', 'plain.txt'],
    ['b/with space.txt\t', 'with space.txt'],
    ['"b/tab\\there"', 'tab\there'],
    ['b/中文.txt', '中文.txt'],
    ['/dev/null', 'x'],
  ])('+++ %s', (name, path) => {
    expect(parse(['diff --git a/x b/x', '--- a/x', `+++ ${name}`, ''].join('\n'))[0].path).toBe(path);
  });

  test('a +++ name without the b/ prefix is an error', () => {
    expect(() => parse(['diff --git a/x b/x', '--- a/x', '+++ c/x', ''].join('\n'))).toThrow(/unexpected path prefix/);
    expect(() => parse(['diff --git a/x b/x', '--- a/x', '+++ /dev/nulls', ''].join('\n'))).toThrow(/unexpected path prefix/);
  });

  test('one parser reads diff after diff: finish() hands over a new list each time', () => {
    const p = new DiffParser();
    const feed = (text: string) => {
      const s = new LineSplitter((l) => p.line(l));
      s.push(Buffer.from(text));
      s.end();
    };
    feed(['diff --git a/a b/a', '--- a/a', '+++ b/a', '@@ -1 +1 @@', '-x', '+one', ''].join('\n'));
    const first = p.finish();
    feed(['diff --git a/b b/b', '--- a/b', '+++ b/b', '@@ -0,0 +1,2 @@', '+two', '+three', ''].join('\n'));
    const second = p.finish();
    expect(first.map((f) => [f.path, f.added.map((a) => a.bytes.toString())])).toEqual([['a', ['one']]]);
    expect(second.map((f) => [f.path, f.added.map((a) => a.bytes.toString())])).toEqual([['b', ['two', 'three']]]);
    expect(p.finish()).toEqual([]);
  });
});

describe('a parsed file keeps fast properties (issue 11)', () => {
  test('every file shares one accessor pair for `added`, which still reads and replaces the lines', () => {
    const files = parse(
      [
        'diff --git a/a b/a',
        '--- a/a',
        '+++ b/a',
        '@@ -0,0 +1 @@',
        '+one',
        'diff --git a/b b/b',
        '--- a/b',
        '+++ b/b',
        '@@ -0,0 +1 @@',
        '+two',
        '',
      ].join('\n'),
    );
    expect(files.map((f) => f.added)).toEqual([[[1, 'one']], [[1, 'two']]]);
    const p = new DiffParser();
    const s = new LineSplitter((l) => p.line(l));
    s.push(
      Buffer.from(
        [
          'diff --git a/a b/a',
          '--- a/a',
          '+++ b/a',
          '@@ -0,0 +1 @@',
          '+one',
          'diff --git a/b b/b',
          '--- a/b',
          '+++ b/b',
          '@@ -0,0 +1 @@',
          '+two',
          '',
        ].join('\n'),
      ),
    );
    s.end();
    const [a, b] = p.finish();
    const da = Object.getOwnPropertyDescriptor(a, 'added')!;
    const db = Object.getOwnPropertyDescriptor(b, 'added')!;
    expect(da.get).toBe(db.get);
    expect(da.set).toBe(db.set);
    expect(da.enumerable).toBe(true);
    expect(Object.keys(a)).toEqual(['path', 'status', 'kind', 'binary', 'added']);
    expect(a.added.map((l) => l.bytes.toString())).toEqual(['one']);
    expect(a.added).toBe(a.added); // built once
    a.added = [];
    expect(a.added).toEqual([]);
    expect(b.added.map((l) => l.bytes.toString())).toEqual(['two']);
  });
});
