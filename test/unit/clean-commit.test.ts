/**
 * `cleanCommitStats` (the history scan's short cut for a commit that cannot hold a finding)
 * against `scanFiles`, on real commits: whenever it answers, scanFiles finds nothing and
 * gives the same stats; it answers for plain clean commits and declines everything else.
 */
import { streamCommits, type CommitChanges } from '../../src/git/commits';
import { cleanCommitStats } from '../../src/scan/clean-commit';
import { scanFiles } from '../../src/scan/scan-files';
import { openSession } from '../../src/scan/session';
import { KeyGen } from '../helpers/keygen';
import { makeRepo, type Repo } from '../helpers/repo';

const gen = new KeyGen(7070);

type Entry = string | Buffer | { link: string } | { gitlink: string } | null;

function importCommits(repo: Repo, commits: Array<{ name: string; files: Record<string, Entry> }>): void {
  const parts: Buffer[] = [];
  const add = (s: string | Buffer) => parts.push(typeof s === 'string' ? Buffer.from(s, 'utf8') : s);
  commits.forEach(({ name, files }, i) => {
    add(`commit refs/heads/main\nmark :${i + 1}\ncommitter Test <test@example.com> ${1700000000 + i * 60} +0000\n`);
    add(`data ${Buffer.byteLength(name)}\n${name}\n`);
    if (i > 0) add(`from :${i}\n`);
    for (const [p, e] of Object.entries(files)) {
      if (e === null) add(`D ${p}\n`);
      else if (typeof e === 'object' && 'gitlink' in e) add(`M 160000 ${e.gitlink} ${p}\n`);
      else {
        const link = typeof e === 'object' && 'link' in e;
        const body = link ? Buffer.from(e.link) : Buffer.isBuffer(e) ? e : Buffer.from(e, 'utf8');
        add(`M ${link ? '120000' : '100644'} inline ${p}\ndata ${body.length}\n`);
        add(body);
        add('\n');
      }
    }
  });
  const r = repo.gitRaw(['fast-import', '--quiet'], { input: Buffer.concat(parts) as unknown as string });
  if (r.status !== 0) throw new Error(r.stderr);
}

const lines = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i) + '\n').join('');

describe('cleanCommitStats gives what scanFiles gives, or declines', () => {
  const repo = makeRepo();
  const gzipLike = Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08]), Buffer.from('not really compressed\nsecond line\n')]);
  const cases: Array<{ name: string; clean: boolean; files: Record<string, Entry> }> = [
    { name: 'plain code', clean: true, files: { 'src/a.ts': lines(30, (i) => `export const v${i} = compute(${i}, "item");`) } },
    {
      name: 'edit in the middle',
      clean: true,
      files: { 'src/a.ts': lines(30, (i) => `export const v${i} = compute(${i === 7 ? 99 : i}, "item");`) },
    },
    { name: 'non-ASCII and CRLF', clean: true, files: { 'docs/説明.md': '# 説明\r\n你好，世界。\r\n' } },
    {
      name: 'deletion and a plain rename',
      clean: true,
      files: { 'docs/説明.md': null, 'src/b.ts': lines(30, (i) => `export const v${i} = compute(${i}, "item");`), 'src/a.ts': null },
    },
    { name: 'a submodule', clean: true, files: { vendor: { gitlink: '1'.repeat(40) } } },
    { name: 'an empty file', clean: true, files: { 'empty.txt': '' } },
    { name: 'a keyword line', clean: false, files: { 'src/c.ts': 'const task = second(disk);\n' } },
    { name: 'a key', clean: false, files: { 'src/d.js': `const id = "${gen.akId()}";\n` } },
    { name: 'a keyword in a new name', clean: false, files: { 'config/secret-notes.txt': 'nothing here\n' } },
    { name: 'a binary file', clean: false, files: { 'img.bin': Buffer.from([0, 1, 2, 3, 0, 65, 66]) } },
    { name: 'a gzip header as text', clean: false, files: { 'data.txt': gzipLike } },
    { name: 'a symbolic link', clean: false, files: { 'link-to-a': { link: 'src/b.ts' } } },
    { name: 'a password assignment', clean: false, files: { '.env': `DB_PASSWORD=${gen.password()}\n` } },
    // No keyword, but a keyword-less (file-context) detector's pattern: scanFile keeps the line.
    { name: 'a bare 40-character secret-like value', clean: false, files: { 'creds.txt': `${gen.alnum(40)}\n` } },
    { name: 'clean again', clean: true, files: { 'src/e.ts': lines(5, (i) => `let n${i} = ${i};`) } },
    // Issue 11: keywords looked up in the bytes of ASCII lines, also in a chunk that is not all ASCII.
    { name: 'a keyword line beside a non-ASCII one', clean: false, files: { 'src/f.ts': '// 注释\nconst task = 1;\n' } },
    { name: 'a keyword in a non-ASCII line', clean: false, files: { 'src/g.ts': 'const plain = 1;\n// 任务 password\n' } },
    { name: 'a keyword line ending in CR', clean: false, files: { 'src/h.ts': 'let a = 1;\r\nconst secret = 2;\r\n' } },
    { name: 'a keyword in a non-ASCII new name', clean: false, files: { 'docs/密钥-token.txt': 'plain words\n' } },
    { name: 'a plain non-ASCII new name', clean: true, files: { 'docs/説明書.txt': 'plain words\n' } },
    {
      name: 'many plain lines and one keyword at the end',
      clean: false,
      files: { 'src/i.ts': lines(300, (i) => (i === 299 ? 'const disk = 1;' : `let v${i} = ${i};`)) },
    },
  ];
  importCommits(repo, cases);
  repo.git(['symbolic-ref', 'HEAD', 'refs/heads/main']);

  test('on each commit', async () => {
    const commits: CommitChanges[] = [];
    await streamCommits({ include: ['main'] }, { root: repo.dir, env: repo.env }, (c) => {
      commits.push(c);
    });
    expect(commits).toHaveLength(cases.length);
    const s = await openSession({ cwd: repo.dir, env: repo.env });
    try {
      for (const [i, c] of commits.entries()) {
        const quick = cleanCommitStats(c.files, s.compiled);
        const full = await scanFiles(c.files, { compiled: s.compiled, allowlist: s.allowlist, blobs: s.blobs });
        expect([cases[i].name, quick !== null]).toEqual([cases[i].name, cases[i].clean]);
        if (quick) {
          expect(full.findings).toEqual([]);
          expect(full.suppressed).toEqual([]);
          expect(quick).toEqual(full.stats);
        }
      }
    } finally {
      s.close();
    }
  });
});
