/**
 * Every byte a commit adds is scanned, or named as not scanned on every run (issue 9), through
 * real `git commit` with the hook installed: keys beside NUL bytes, UTF-16 without a BOM,
 * UTF-32, keys in new file names and symbolic-link targets; compressed files and files over
 * maxFileSize listed on clean runs too, in the message and in the JSON stats. Both git readers
 * give the same findings.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { deflateSync, gzipSync } from 'node:zlib';
import { KeyGen } from '../helpers/keygen';
import { json, makeRepo, seededRepo, type Repo } from '../helpers/repo';
import { makeZip } from '../helpers/zip';
import { decodeWideText } from '../../src/text/wide';

const gen = new KeyGen(0xb17e5);

function commitCount(repo: Repo): number {
  const r = repo.gitRaw(['rev-list', '--count', 'HEAD']);
  return r.status === 0 ? Number(r.stdout.trim()) : 0;
}

const masked = (s: string) => s.slice(0, 4) + '…' + s.slice(-4);

/** The commit is refused, shows `where` and the masked secret (never the secret), and changes nothing. */
function expectBlocked(repo: Repo, secret: string, where: string): string {
  const before = repo.snapshot();
  const count = commitCount(repo);
  const r = repo.gitRaw(['commit', '-q', '-m', 'x']);
  expect(r.status).not.toBe(0);
  expect(r.stderr).toContain('commit blocked');
  expect(r.stderr).toContain(where);
  expect(r.stderr).toContain(masked(secret));
  expect(r.stderr + r.stdout).not.toContain(secret);
  expect(commitCount(repo)).toBe(count);
  expect(repo.snapshot()).toBe(before);
  return r.stderr;
}

function expectCommitted(repo: Repo): string {
  const count = commitCount(repo);
  const r = repo.gitRaw(['commit', '-q', '-m', 'x']);
  expect(r.status).toBe(0);
  expect(commitCount(repo)).toBe(count + 1);
  return r.stderr;
}

const seeded = seededRepo;

function keyPair(): { id: string; secret: string; text: string } {
  const id = gen.akId();
  const secret = gen.akSecret();
  return { id, secret, text: `ALIBABA_CLOUD_ACCESS_KEY_ID=${id}\nALIBABA_CLOUD_ACCESS_KEY_SECRET=${secret}\n` };
}

function stage(repo: Repo, file: string, content: string | Buffer): void {
  repo.write(file, content);
  repo.git(['add', '--', file]);
}

/** Findings as `file:line:column ruleId` from both readers, which must agree. */
function findingsBoth(repo: Repo, extra: string[] = []): string[] {
  const out = (['native', 'isomorphic'] as const).map((b) => {
    const r = repo.cli(['check', '--format', 'json', '--git-backend', b, ...extra]);
    return json(r).findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`);
  });
  expect(out[1]).toEqual(out[0]);
  return out[0];
}

function utf16(text: string, endian: 'le' | 'be', bom = false): Buffer {
  const le = Buffer.from((bom ? '\ufeff' : '') + text, 'utf16le');
  if (endian === 'le') return le;
  const be = Buffer.from(le);
  be.swap16();
  return be;
}

function utf32(text: string, endian: 'le' | 'be', bom = false): Buffer {
  const cps = [...((bom ? '\ufeff' : '') + text)].map((c) => c.codePointAt(0)!);
  const b = Buffer.alloc(cps.length * 4);
  cps.forEach((cp, i) => (endian === 'le' ? b.writeUInt32LE(cp, i * 4) : b.writeUInt32BE(cp, i * 4)));
  return b;
}

describe('every added byte is scanned', () => {
  test("a NUL byte before the keys (printf 'a\\0\\n%s\\n' \"$KEYS\" > a.env) blocks, at the keys' own lines", () => {
    const repo = seeded();
    const k = keyPair();
    // Written by the shell, as in the report.
    execFileSync('sh', ['-c', `printf 'a\\0\\n%s\\n' "$KEYS" > a.env`], { cwd: repo.dir, env: { ...repo.env, KEYS: k.text.trimEnd() } });
    repo.git(['add', 'a.env']);
    expect(findingsBoth(repo)).toEqual(['a.env:2:29 alibaba-access-key-id', 'a.env:3:33 alibaba-access-key-secret']);
    expectBlocked(repo, k.id, 'a.env:2:29');
  });

  test.each([0, 1, 2, 3])('a NUL byte before a lone AccessKeyId (file length + %i) blocks; both readers agree', (pad) => {
    const repo = seeded();
    const id = gen.akId();
    stage(repo, 'a.env', Buffer.from(`a\0\n${'#'.repeat(pad)}ALIBABA_CLOUD_ACCESS_KEY_ID=${id}\n`));
    expect(findingsBoth(repo)).toEqual([`a.env:2:${29 + pad} alibaba-access-key-id`]);
    expectBlocked(repo, id, `a.env:2:${29 + pad}`);
  });

  test('a changed binary: only a key the commit adds is reported, not one the old blob held', () => {
    const repo = seeded();
    const old = gen.akId();
    stage(repo, 'tool.bin', Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0]), Buffer.from(`id=${old}\0pad`)]));
    repo.git(['commit', '-q', '--no-verify', '-m', 'bin']);
    const fresh = gen.akId();
    stage(
      repo,
      'tool.bin',
      Buffer.concat([
        Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 1]),
        Buffer.from(`id=${old}\0pad\0\0${utf16(`key ${fresh}`, 'le').toString('latin1')}`, 'latin1'),
      ]),
    );
    // Line 1 (no LF byte): its runs are `id=<old> key <fresh>` ('ELF' and 'pad' are too short).
    expect(findingsBoth(repo)).toEqual(['tool.bin:1:33 alibaba-access-key-id']);
    expectBlocked(repo, fresh, 'tool.bin:1:33');
  });

  test.each([
    ['UTF-16LE without BOM', utf16, 'le', false],
    ['UTF-16BE without BOM', utf16, 'be', false],
    ['UTF-32LE without BOM', utf32, 'le', false],
    ['UTF-32BE without BOM', utf32, 'be', false],
    ['UTF-32LE with BOM', utf32, 'le', true],
    ['UTF-32BE with BOM', utf32, 'be', true],
  ] as const)('%s: decoded and blocked at the right line and column', (_name, encode, endian, bom) => {
    const repo = seeded();
    const k = keyPair();
    stage(repo, 'keys.env', encode(`# 配置\n${k.text}`, endian, bom));
    expect(findingsBoth(repo)).toEqual(['keys.env:2:29 alibaba-access-key-id', 'keys.env:3:33 alibaba-access-key-secret']);
    expectBlocked(repo, k.id, 'keys.env:2:29');
  });

  test.each([false, true])('ASCII appended to UTF-16 text (PowerShell `>>`) is not lost to the decoding (BOM: %s)', (bom) => {
    const repo = seeded();
    const id = gen.akId();
    const wide = utf16('region=cn-hangzhou\r\nname=demo\r\n', 'le', bom);
    // An even length: the whole file decodes as UTF-16 (the ASCII tail as CJK); its text runs still show the key.
    const data = Buffer.concat([wide, Buffer.from(`ALIBABA_CLOUD_ACCESS_KEY_ID=${id}\r\n`)]);
    expect(decodeWideText(data)).not.toBeNull();
    stage(repo, 'mixed.env', data);
    expect(findingsBoth(repo)).toEqual(['mixed.env:3:29 alibaba-access-key-id']);
    expectBlocked(repo, id, 'mixed.env:3:29');
  });

  test('UTF-16 without BOM, edited: only the added lines are scanned', () => {
    const repo = seeded();
    const old = gen.akId();
    stage(repo, 'w.txt', utf16(`id ${old}\nregion=cn-hangzhou\n`, 'le'));
    repo.git(['commit', '-q', '--no-verify', '-m', 'w']);
    const fresh = gen.akId();
    stage(repo, 'w.txt', utf16(`id ${old}\nregion=cn-hangzhou\nid ${fresh}\n`, 'le'));
    expect(findingsBoth(repo)).toEqual(['w.txt:3:4 alibaba-access-key-id']);
  });

  test('a key in the name of a new file blocks; shown masked, with an allow entry that works', () => {
    const repo = seeded();
    const id = gen.akId();
    stage(repo, `creds/${id}.txt`, 'nothing here\n');
    expect(findingsBoth(repo)).toEqual([`creds/${masked(id)}.txt:0:7 alibaba-access-key-id`]);
    const stderr = expectBlocked(repo, id, `creds/${masked(id)}.txt (in the file name)`);
    // The printed allow command works for it.
    const fp = /(?:npx --no ak-hook|node \S+) allow (akfp1:[0-9a-f]+)/.exec(stderr)![1];
    const allowed = repo.cli(['allow', fp, '--reason', 'test fixture name']);
    expect(allowed.status).toBe(0);
    repo.git(['add', '.akhookrc.json']);
    expectCommitted(repo);
  });

  test('a rename to a key-bearing name blocks; a rename that keeps the key of the old name does not', () => {
    const repo = seeded();
    stage(repo, 'plain.txt', 'hello\n');
    repo.git(['commit', '-q', '--no-verify', '-m', 'p']);
    const id = gen.akId();
    repo.git(['mv', 'plain.txt', `${id}.txt`]);
    expect(findingsBoth(repo)).toEqual([`${masked(id)}.txt:0:1 alibaba-access-key-id`]);
    expectBlocked(repo, id, `${masked(id)}.txt (in the file name)`);
    repo.git(['commit', '-q', '--no-verify', '-m', 'named']);
    repo.git(['mv', `${id}.txt`, `${id}-old.txt`]);
    expect(findingsBoth(repo)).toEqual([]);
  });

  test('a key as the target of a new symbolic link blocks (line 1 of the link)', () => {
    const repo = seeded();
    const id = gen.akId();
    symlinkSync(`../keys/${id}`, path.join(repo.dir, 'current'));
    repo.git(['add', 'current']);
    expect(findingsBoth(repo)).toEqual(['current:1:9 alibaba-access-key-id']);
    expectBlocked(repo, id, 'current:1:9');
  });

  test('a gzip file is read inside: a key in a .gz blocks at its line; one that cannot be read is named as not scanned, in JSON too', () => {
    const repo = seeded();
    const k = keyPair();
    stage(repo, 'backup/keys.env.gz', gzipSync(Buffer.from(k.text)));
    stage(repo, 'notes.txt', 'nothing secret\n');
    expect(findingsBoth(repo)).toEqual([
      'backup/keys.env.gz!/keys.env:1:29 alibaba-access-key-id',
      'backup/keys.env.gz!/keys.env:2:33 alibaba-access-key-secret',
    ]);
    expectBlocked(repo, k.id, 'backup/keys.env.gz!/keys.env:1:29');
    repo.git(['rm', '-q', '--cached', 'backup/keys.env.gz']);
    // Cut short (corrupt): not read, so named on a clean commit, in the message and in the JSON stats.
    const cut = gzipSync(Buffer.from(k.text + 'x'.repeat(4000))).subarray(0, 40);
    stage(repo, 'backup/keys.env.gz', cut);
    for (const b of ['native', 'isomorphic']) {
      const r = repo.cli(['check', '--format', 'json', '--git-backend', b]);
      expect(r.status).toBe(0);
      expect(JSON.parse(r.stdout).stats.unscanned).toEqual([{ path: 'backup/keys.env.gz', reason: 'compressed', format: 'gzip' }]);
    }
    const stderr = expectCommitted(repo);
    expect(stderr).toContain('Not scanned (1 file): backup/keys.env.gz (gzip, compressed).');
    // In Chinese too; an xz file (no reader) is named the same way.
    stage(repo, 'more.xz', Buffer.concat([Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]), Buffer.alloc(64, 3)]));
    expect(repo.cli(['check', '--lang', 'zh']).stderr).toContain('未扫描（1 个文件）：more.xz（xz，压缩内容）。');
  });

  test('a zlib stream is read inside: a loose object git wrote (another repository copied in) blocks, as does zlib.compress output; a cut one is named', () => {
    const repo = seeded();
    const k = keyPair();
    // Another repository's object store, copied in as plain files: its loose objects are zlib streams git wrote.
    const other = makeRepo();
    other.write('app.env', k.text);
    other.git(['add', 'app.env']);
    const oid = other.git(['rev-parse', ':app.env']).trim();
    const loose = readFileSync(path.join(other.dir, '.git', 'objects', oid.slice(0, 2), oid.slice(2)));
    expect(loose[0]).toBe(0x78);
    const at = `mirror/objects/${oid.slice(0, 2)}/${oid.slice(2)}`;
    stage(repo, at, loose);
    // Behind git's own `blob <size>\0` header (a NUL: read as a binary's text runs), at the lines of the content.
    const col = 29 + `blob ${Buffer.byteLength(k.text)}\0`.length;
    expect(findingsBoth(repo)).toEqual([
      `${at}!/${oid.slice(2)}:1:${col} alibaba-access-key-id`,
      `${at}!/${oid.slice(2)}:2:33 alibaba-access-key-secret`,
    ]);
    expectBlocked(repo, k.id, `${at}!/${oid.slice(2)}`);
    repo.git(['rm', '-q', '--cached', at]);
    stage(repo, 'cache/settings.zlib', deflateSync(Buffer.from(k.text), { level: 9 }));
    expect(findingsBoth(repo)).toEqual([
      'cache/settings.zlib!/settings:1:29 alibaba-access-key-id',
      'cache/settings.zlib!/settings:2:33 alibaba-access-key-secret',
    ]);
    repo.git(['rm', '-q', '--cached', 'cache/settings.zlib']);
    // Cut short: not read, named as not scanned.
    stage(repo, 'cache/cut.zlib', deflateSync(Buffer.from(k.text + 'x'.repeat(4000))).subarray(0, 30));
    const r = repo.cli(['check', '--format', 'json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).stats.unscanned).toEqual([{ path: 'cache/cut.zlib', reason: 'compressed', format: 'zlib' }]);
  });

  test('a .tar.gz made by tar is read file by file; a changed one reports only what it adds; past the bounds it is named', () => {
    const repo = seeded();
    const k = keyPair();
    const src = path.join(repo.dir, '..', `tar-src-${path.basename(repo.dir)}`);
    const pack = (files: Record<string, string>, out: string) => {
      rmSync(src, { recursive: true, force: true });
      for (const [name, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(src, name)), { recursive: true });
        writeFileSync(path.join(src, name), text);
      }
      mkdirSync(path.dirname(path.join(repo.dir, out)), { recursive: true });
      execFileSync('tar', ['-czf', path.join(repo.dir, out), '-C', src, '.']);
      repo.git(['add', '--', out]);
    };
    pack({ 'conf/app.env': k.text, README: 'release\n' }, 'dist/release.tar.gz');
    expect(findingsBoth(repo)).toEqual([
      'dist/release.tar.gz!/./conf/app.env:1:29 alibaba-access-key-id',
      'dist/release.tar.gz!/./conf/app.env:2:33 alibaba-access-key-secret',
    ]);
    expectBlocked(repo, k.id, 'dist/release.tar.gz!/./conf/app.env:1:29');
    repo.git(['commit', '-q', '--no-verify', '-m', 'release']);
    // Repacked with one more file: the unchanged entry adds nothing, the new one blocks.
    const id = gen.akId();
    pack({ 'conf/app.env': k.text, README: 'release\n', 'conf/extra.txt': `key ${id}\n` }, 'dist/release.tar.gz');
    expect(findingsBoth(repo)).toEqual(['dist/release.tar.gz!/./conf/extra.txt:1:5 alibaba-access-key-id']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'release 2']);
    // A gzip that inflates past the bound (64 MB) is not inflated further: its content is named as too large.
    stage(repo, 'zeros.gz', gzipSync(Buffer.alloc(65 << 20)));
    const r = repo.cli(['check', '--format', 'json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).stats.unscanned).toEqual([{ path: 'zeros.gz!/zeros', reason: 'too-large', format: 'gzip' }]);
  });

  test('an archive inside an archive is read too (a jar in a war in a .tar.gz, made by zip and tar), within one set of bounds', () => {
    const repo = seeded();
    const k = keyPair();
    const work = path.join(repo.dir, '..', `nest-${path.basename(repo.dir)}`);
    mkdirSync(path.join(work, 'jar'), { recursive: true });
    mkdirSync(path.join(work, 'war/WEB-INF/lib'), { recursive: true });
    writeFileSync(path.join(work, 'jar/application.properties'), k.text);
    execFileSync('zip', ['-q', path.join(work, 'war/WEB-INF/lib/core.jar'), 'application.properties'], { cwd: path.join(work, 'jar') });
    execFileSync('zip', ['-q', '-r', path.join(work, 'app.war'), 'WEB-INF'], { cwd: path.join(work, 'war') });
    execFileSync('tar', ['-czf', path.join(repo.dir, 'release.tar.gz'), '-C', work, 'app.war']);
    repo.git(['add', 'release.tar.gz']);
    const inner = 'release.tar.gz!/app.war!/WEB-INF/lib/core.jar!/application.properties';
    expect(findingsBoth(repo)).toEqual([`${inner}:1:29 alibaba-access-key-id`, `${inner}:2:33 alibaba-access-key-secret`]);
    expectBlocked(repo, k.id, `${inner}:1:29`);
    repo.git(['rm', '-q', '--cached', 'release.tar.gz']);
    // Four levels: the innermost archive is named, not read (three are read).
    const jar = makeZip([{ name: 'a.env', data: k.text }]);
    const deep = makeZip([{ name: 'l3.zip', data: makeZip([{ name: 'l4.zip', data: jar }]) }]);
    stage(repo, 'l1.zip', makeZip([{ name: 'l2.zip', data: deep }]));
    const r = repo.cli(['check', '--format', 'json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).stats.unscanned).toEqual([{ path: 'l1.zip!/l2.zip!/l3.zip!/l4.zip', reason: 'compressed', format: 'zip' }]);
    repo.git(['rm', '-q', '--cached', 'l1.zip']);
    // Entries that inflate past the shared bound (64 MB in all) are not read on: named as too large.
    const big = makeZip([{ name: 'zeros.bin', data: Buffer.alloc(15 << 20) }]);
    stage(repo, 'many.zip', makeZip(Array.from({ length: 6 }, (_, i) => ({ name: `part${i}.zip`, data: big }))));
    const m = JSON.parse(repo.cli(['check', '--format', 'json']).stdout).stats.unscanned as Array<{ path: string; reason: string }>;
    expect(m.length).toBeGreaterThan(0);
    expect(m.every((u) => u.reason === 'too-large')).toBe(true);
  });

  test('a file over maxFileSize is named on every run, clean ones included, and in JSON; its name is still scanned', () => {
    const repo = seeded();
    stage(repo, '.akhookrc.json', JSON.stringify({ maxFileSize: 1000 }) + '\n');
    repo.git(['commit', '-q', '--no-verify', '-m', 'cfg']);
    stage(repo, 'big.txt', 'x'.repeat(5000) + '\n');
    const r = repo.cli(['check', '--format', 'json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).stats.unscanned).toEqual([{ path: 'big.txt', reason: 'too-large' }]);
    expect(expectCommitted(repo)).toContain('big.txt (larger than maxFileSize, 1000 bytes)');
    const id = gen.akId();
    stage(repo, `${id}.log`, 'y'.repeat(5000) + '\n');
    expectBlocked(repo, id, `${masked(id)}.log (in the file name)`);
  });

  test('zip archives (docx, jar) are read inside: entries, entry names; a changed archive reports only what it adds', () => {
    const repo = seeded();
    const k = keyPair();
    const doc = (extra: string) =>
      makeZip([
        { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types/>' },
        { name: 'word/document.xml', data: `<w:document><w:t>deploy notes</w:t>\n<w:t>${extra}</w:t></w:document>\n` },
        {
          name: 'word/media/image1.png',
          data: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), Buffer.alloc(64, 7)]),
          store: true,
        },
      ]);
    stage(repo, 'report.docx', doc(`id ${k.id}`));
    expect(findingsBoth(repo)).toEqual(['report.docx!/word/document.xml:2:9 alibaba-access-key-id']);
    const r = repo.cli(['check', '--format', 'json']);
    expect(JSON.parse(r.stdout).stats.unscanned).toEqual([
      { path: 'report.docx!/word/media/image1.png', reason: 'compressed', format: 'png' },
    ]);
    expectBlocked(repo, k.id, 'report.docx!/word/document.xml:2:9');
    repo.git(['commit', '-q', '--no-verify', '-m', 'doc']);
    // Edited: the old key stays, a new one is added in the same entry.
    const fresh = gen.akId();
    stage(repo, 'report.docx', doc(`id ${k.id}</w:t><w:t>and ${fresh}`));
    expect(findingsBoth(repo)).toEqual(['report.docx!/word/document.xml:2:48 alibaba-access-key-id']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'doc2']);
    // A key in an entry's name; an encrypted entry is named as not scanned.
    const id = gen.akId();
    stage(
      repo,
      'app.jar',
      makeZip([
        { name: `conf/${id}.properties`, data: 'x=1\n' },
        { name: 'vault.bin', data: 'sealed', encrypted: true },
      ]),
    );
    expect(findingsBoth(repo)).toEqual([`app.jar!/conf/${masked(id)}.properties:0:15 alibaba-access-key-id`]);
    const stderr = expectBlocked(repo, id, `app.jar!/conf/${masked(id)}.properties (in the file name)`);
    expect(stderr).toContain('Not scanned (1 file): app.jar!/vault.bin (zip, encrypted).');
  });

  test("a path allow entry for an archive covers its entries (and their names); another archive's does not", () => {
    const repo = seeded();
    const k = keyPair();
    const id = gen.akId();
    const jar = makeZip([
      { name: 'conf/app.properties', data: k.text },
      { name: `conf/${id}.txt`, data: 'x=1\n' },
    ]);
    stage(repo, 'vendor/tool.jar', jar);
    stage(repo, '.akhookrc.yml', 'allow:\n  - path: "other/**"\n    reason: unrelated\n');
    expect(findingsBoth(repo)).toEqual([
      'vendor/tool.jar!/conf/app.properties:1:29 alibaba-access-key-id',
      'vendor/tool.jar!/conf/app.properties:2:33 alibaba-access-key-secret',
      `vendor/tool.jar!/conf/${masked(id)}.txt:0:23 alibaba-access-key-id`,
    ]);
    expectBlocked(repo, k.id, 'vendor/tool.jar!/conf/app.properties:1');
    stage(repo, '.akhookrc.yml', 'allow:\n  - path: "vendor/*.jar"\n    reason: third-party test fixture\n');
    expect(findingsBoth(repo)).toEqual([]);
    const r = repo.cli(['check', '--format', 'json']);
    expect(json(r).suppressed.map((f) => `${f.file} ${(f.suppressedBy as { by: string }).by}`)).toEqual([
      'vendor/tool.jar!/conf/app.properties path',
      'vendor/tool.jar!/conf/app.properties path',
      `vendor/tool.jar!/conf/${masked(id)}.txt path`,
    ]);
    expectCommitted(repo);
  });
});
