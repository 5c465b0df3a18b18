/**
 * Adversarial inputs: each ends in a correct result, or one clear error line (plus its hint)
 * and exit 2: never a stack trace, a hang or exit 0 on failure. Every case also proves the
 * run changed nothing: index bytes, refs, status and working tree are identical afterwards.
 */
import fc from 'fast-check';
import { chmodSync, readFileSync, rmSync, unlinkSync, writeFileSync, mkdirSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { KeyGen } from '../helpers/keygen';
import { makeRepo, tmpDir, type Repo } from '../helpers/repo';

const gen = new KeyGen(5150);
const BACKENDS = ['native', 'isomorphic'] as const;

interface Out {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `ak-hook check` and asserts the universal contract; `raw` skips the snapshot (a corrupt index breaks git itself). */
function checkRun(repo: Repo, args: string[], opts: { raw?: boolean; env?: NodeJS.ProcessEnv } = {}): Out {
  const gitdir = path.join(repo.dir, '.git');
  const before = opts.raw ? readFileSync(path.join(gitdir, 'index')).toString('hex') + readRefs(gitdir) : repo.snapshot(true);
  const r = repo.cli(['check', ...args], { env: opts.env });
  const after = opts.raw ? readFileSync(path.join(gitdir, 'index')).toString('hex') + readRefs(gitdir) : repo.snapshot(true);
  expect(after).toBe(before);
  expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect([0, 1, 2]).toContain(r.status);
  if (r.status === 2) {
    expect(r.stderr).toMatch(/^ak-hook: error: [^\n]+\n[^\n]+\n$/);
    // issue 9: with --format json a failed run still writes one document, the error
    if (args.includes('json')) expect(Object.keys(JSON.parse(r.stdout))).toEqual(['error']);
    else expect(r.stdout).toBe('');
  }
  return r;
}

function readRefs(gitdir: string): string {
  let s = '';
  for (const f of ['HEAD', 'packed-refs']) {
    try {
      s += readFileSync(path.join(gitdir, f), 'utf8');
    } catch {
      /* absent */
    }
  }
  return s;
}

function seeded(): Repo {
  const repo = makeRepo();
  repo.write('README.md', '# demo\n');
  repo.git(['add', '.']);
  repo.git(['commit', '-q', '--no-verify', '-m', 'init']);
  return repo;
}

const json = (r: Out) =>
  JSON.parse(r.stdout) as { findings: Array<{ file: string; line: number; column: number }>; stats: Record<string, unknown> };

describe.each(BACKENDS)('adversarial inputs (%s backend)', (backend) => {
  const B = ['--git-backend', backend, '--format', 'json'];

  test('binary files are read as text runs: keys beside NUL bytes are found; a PNG is listed as not scanned', () => {
    const repo = seeded();
    repo.write(
      'img.png',
      Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), Buffer.from(`\nkey=${gen.akId()}\n`)]),
    );
    repo.write('late-nul.dat', Buffer.concat([Buffer.from(`text ${gen.akId()}\n`.repeat(10)), Buffer.from([0, 1, 2])]));
    const id = gen.akId();
    repo.write('ok.txt', `id ${id}\n`);
    repo.git(['add', '.']);
    const r = checkRun(repo, B);
    expect(r.status).toBe(1);
    expect([...new Set(json(r).findings.map((f) => f.file))]).toEqual(['img.png', 'late-nul.dat', 'ok.txt']);
    // Lines are counted at LF bytes, as git counts them: the PNG signature holds two.
    expect(
      json(r)
        .findings.filter((f) => f.file === 'img.png')
        .map((f) => f.line),
    ).toEqual([4]);
    expect((json(r).stats.textRuns as string[]).sort()).toEqual(['img.png', 'late-nul.dat']);
    expect(json(r).stats.unscanned).toEqual([{ path: 'img.png', reason: 'compressed', format: 'png' }]);
  });

  test('a 5 MB line with a key at its end: found at the right column', () => {
    const repo = seeded();
    const id = gen.akId();
    const pad = 'x'.repeat(5 * 1024 * 1024);
    repo.write('min.js', `${pad} ${id}\n`);
    repo.git(['add', '.']);
    const r = checkRun(repo, B);
    expect(r.status).toBe(1);
    expect(json(r).findings).toMatchObject([{ file: 'min.js', line: 1, column: pad.length + 2 }]);
  });

  test('invalid UTF-8 and GBK lines still show the ASCII key; UTF-16 without BOM is decoded', () => {
    const repo = seeded();
    const a = gen.akId();
    repo.write('bad-utf8.txt', Buffer.concat([Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0x20]), Buffer.from(`${a}\n`)]));
    const b = gen.akId();
    repo.write('gbk.txt', Buffer.concat([Buffer.from([0xc3, 0xdc, 0xd4, 0xbf, 0x3d]), Buffer.from(`${b}\n`)]));
    repo.write('u16-nobom.txt', Buffer.from(`key=${gen.akId()}\n`, 'utf16le'));
    repo.git(['add', '.']);
    const r = checkRun(repo, B);
    expect(json(r).findings.map((f) => `${f.file}:${f.line}`)).toEqual(['bad-utf8.txt:1', 'gbk.txt:1', 'u16-nobom.txt:1']);
    expect(json(r).stats.textRuns).toEqual([]);
  });

  test('random bytes: never an error, never a crash', () => {
    const repo = seeded();
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        repo.write('rand.bin', Buffer.from(bytes));
        repo.git(['add', '.']);
        const r = checkRun(repo, B);
        expect([0, 1]).toContain(r.status);
      }),
      { numRuns: 6 },
    );
  });

  test('no commits yet, a detached HEAD and a shallow clone', () => {
    const repo = makeRepo();
    const a = gen.akId();
    repo.write('a.txt', `${a}\n`);
    repo.git(['add', '.']);
    expect(json(checkRun(repo, B)).findings).toMatchObject([{ file: 'a.txt', line: 1 }]);
    repo.git(['commit', '-q', '--no-verify', '-m', 'one']);
    repo.write('b.txt', 'more\n');
    repo.git(['add', '.']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'two']);
    repo.git(['checkout', '-q', '--detach', 'HEAD~1']);
    repo.write('a.txt', `${a}\nsecond ${gen.akId()}\n`);
    repo.git(['add', '.']);
    expect(json(checkRun(repo, B)).findings).toMatchObject([{ file: 'a.txt', line: 2 }]);
    repo.git(['reset', '-q', '--hard']);
    repo.git(['checkout', '-q', 'main']);
    const shallow = makeRepo({ init: false });
    rmSync(shallow.dir, { recursive: true });
    shallow.git(['clone', '-q', '--depth', '1', `file://${repo.dir}`, shallow.dir], { cwd: shallow.home });
    shallow.write('b.txt', `more\n${gen.akId()}\n`);
    shallow.git(['add', '.']);
    expect(json(checkRun(shallow, B)).findings).toMatchObject([{ file: 'b.txt', line: 2 }]);
  });

  test('paths with newlines, quotes, tabs and non-ASCII characters are reported exactly', () => {
    const repo = seeded();
    const names = ['new\nline.txt', 'quo"te.txt', "it's.txt", 'tab\there.txt', '密钥/文件 名.txt', 'ünï\\x.txt'];
    for (const n of names) repo.write(n, `k ${gen.akId()}\n`);
    repo.git(['add', '.']);
    const r = checkRun(repo, B);
    expect(
      json(r)
        .findings.map((f) => f.file)
        .sort(),
    ).toEqual([...names].sort());
  });

  test('a corrupt index: one error line, exit 2', () => {
    const repo = seeded();
    repo.write('x.txt', 'x\n');
    repo.git(['add', '.']);
    const idx = path.join(repo.dir, '.git/index');
    const data = readFileSync(idx);
    data.fill(0x41, 40, 80);
    writeFileSync(idx, data);
    const r = checkRun(repo, B, { raw: true });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/index/i);
  });

  test('a missing object: one error line, exit 2', () => {
    const repo = seeded();
    repo.write('x.txt', `unique content ${gen.int(1e9)}\n`);
    repo.git(['add', '.']);
    const oid = repo.git(['rev-parse', ':x.txt']).trim();
    const obj = path.join(repo.dir, '.git/objects', oid.slice(0, 2), oid.slice(2));
    chmodSync(obj, 0o644);
    unlinkSync(obj);
    // git would reuse an unchanged working-tree file for the missing blob: change it.
    repo.write('x.txt', 'changed\n');
    const r = checkRun(repo, B, { raw: true });
    expect(r.status).toBe(2);
  });

  test('a broken config file: exit 2, whatever is staged', () => {
    const repo = seeded();
    repo.write('x.txt', 'clean\n');
    repo.write('.akhookrc.json', '{"allow": [{"fingerprint": 42}], "extra": true');
    repo.git(['add', 'x.txt']);
    const r = checkRun(repo, B);
    expect(r.status).toBe(2);
    repo.write('.akhookrc.json', '{"allow": "everything", "extra": true}');
    const r2 = repo.cli(['check', ...B]);
    expect(r2.status).toBe(2);
    expect(r2.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('hostile git config does not change the result', () => {
  test('fsmonitor, split index, renames off, external diff, textconv and aliases', () => {
    const repo = seeded();
    const id = gen.akId();
    repo.write('a.js', `x = "${id}"\n`);
    repo.git(['add', '.']);
    const clean = repo.cli(['check', '--format', 'json']);
    const marker = path.join(repo.home, 'fsmonitor-ran');
    for (const [k, v] of [
      ['core.fsmonitor', `touch ${marker}; false`],
      ['diff.external', 'false'],
      ['diff.renames', 'false'],
      ['diff.noprefix', 'true'],
      ['alias.diff-index', 'status'],
      ['core.attributesFile', path.join(repo.home, 'attrs')],
      ['diff.evil.textconv', 'false'],
    ])
      repo.git(['config', '--global', k, v]);
    writeFileSync(path.join(repo.home, 'attrs'), '* diff=evil -diff\n');
    for (const backend of BACKENDS) {
      const r = checkRun(repo, ['--git-backend', backend, '--format', 'json']);
      expect(JSON.parse(r.stdout).findings).toEqual(JSON.parse(clean.stdout).findings);
      expect(r.status).toBe(1);
      // (the snapshot's own git status runs the fsmonitor hook; ak-hook alone must not)
      rmSync(marker, { force: true });
      repo.cli(['check', '--git-backend', backend]);
      expect(() => readFileSync(marker)).toThrow();
    }
  });
});

describe('size limit', () => {
  test('a 100 MB file: scanned by default (the key at its end is found), skipped with a note above --max-file-size', () => {
    const repo = seeded();
    const line = 'const value = compute(alpha, beta, gamma); // an ordinary line of generated code\n';
    const big = Buffer.from(line.repeat(Math.ceil((100 * 1024 * 1024) / line.length)));
    const id = gen.akId();
    repo.write('dump.sql', Buffer.concat([big, Buffer.from(`id ${id}\n`)]));
    repo.git(['add', '.']);
    const r = checkRun(repo, ['--format', 'json']);
    expect(r.status).toBe(1);
    expect(json(r).findings).toMatchObject([{ file: 'dump.sql', line: Math.ceil((100 * 1024 * 1024) / line.length) + 1 }]);
    const skipped = checkRun(repo, ['--max-file-size', '64MB']);
    expect(skipped.status).toBe(0);
    expect(skipped.stderr).toContain('larger than maxFileSize');
    expect(skipped.stderr).not.toContain(id);
    const bad = checkRun(repo, ['--max-file-size', 'lots']);
    expect(bad.status).toBe(2);
  });

  test('under the limit the same file is scanned', () => {
    const repo = seeded();
    const id = gen.akId();
    repo.write('dump.sql', `${'row\n'.repeat(1000)}id ${id}\n`);
    repo.git(['add', '.']);
    expect(checkRun(repo, ['--max-file-size', '1MB']).status).toBe(1);
    expect(checkRun(repo, ['--max-file-size', '1KB']).status).toBe(0);
    expect(checkRun(repo, ['--max-file-size', '1KB', '--git-backend', 'isomorphic']).status).toBe(0);
  });
});

describe('the isomorphic-git backend refuses what it cannot read exactly', () => {
  const iso = ['--git-backend', 'isomorphic'];
  test('index version 4, split index, sparse index', () => {
    const repo = seeded();
    repo.write('d/x.txt', 'x\n');
    repo.git(['add', '.']);
    repo.git(['update-index', '--index-version', '4']);
    let r = checkRun(repo, iso);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('index version 4');
    expect(checkRun(repo, ['--git-backend', 'native']).status).toBe(0);
    repo.git(['update-index', '--index-version', '2']);
    repo.git(['update-index', '--split-index']);
    expect(readFileSync(path.join(repo.dir, '.git/index')).includes('link')).toBe(true);
    r = checkRun(repo, iso);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('split index');
    repo.git(['update-index', '--no-split-index']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'd']);
    repo.git(['sparse-checkout', 'set', '--cone', '--sparse-index', 'keep']);
    r = checkRun(repo, iso);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('sparse');
  });

  test('without git on PATH, auto uses it; an unknown backend is a usage error', () => {
    const repo = seeded();
    const id = gen.akId();
    repo.write('k.txt', `${id}\n`);
    repo.git(['add', '.']);
    const empty = tmpDir('akh-nogit-');
    mkdirSync(path.join(empty, 'bin'));
    symlinkSync('/bin/sh', path.join(empty, 'bin', 'sh'));
    const r = checkRun(repo, ['--format', 'json'], { env: { PATH: path.join(empty, 'bin') } });
    expect(r.status).toBe(1);
    expect(json(r).findings).toMatchObject([{ file: 'k.txt', line: 1 }]);
    expect(checkRun(repo, ['--git-backend', 'svn']).status).toBe(2);
  });
});
