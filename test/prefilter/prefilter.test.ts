/**
 * The hook's shell prefilter may skip node only when no rule could match. Proven two ways:
 * a property test of the pattern against the engine (random lines, bytes and encodings), and
 * real commits through the generated dist/pre-commit.sh with a `node` that leaves a mark.
 */
import fc from 'fast-check';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { compileRules, scanLines } from '../../src/detect/engine';
import { RULES } from '../../src/detect/rules';
import { prefilterPattern } from '../../src/prefilter/shell-script';
import { decodeLine } from '../../src/text/decode';
import * as iconv from 'iconv-lite';
import { KeyGen } from '../helpers/keygen';
import { installHook, makeRepo, PROJECT, tmpDir, type Repo } from '../helpers/repo';

const PRE = path.join(PROJECT, 'dist/pre-commit.sh');
const ere = prefilterPattern(RULES)!;
// The ERE uses only syntax JavaScript reads the same way; grep -i in the C locale folds ASCII only, like the 'i' flag here on latin1.
// 's': grep's '.' matches any byte of a line (a CR too).
const asJs = new RegExp(ere, 'is');
const compiled = compileRules(RULES);

/** What the hook's grep sees of one added line: '+' and its raw bytes, one byte per char. */
function skips(bytes: Buffer): boolean {
  return !bytes.includes(0) && !asJs.test('+' + bytes.toString('latin1'));
}

function findsAnything(bytes: Buffer): boolean {
  const text = decodeLine(bytes).text;
  return scanLines([{ line: 1, text }], compiled, { matches: () => true }).length > 0;
}

describe('the prefilter pattern', () => {
  test('is generated from every rule (keywords and candidates)', () => {
    expect(ere).not.toBeNull();
    // Every keyword, as UTF-8 bytes and as GB18030 bytes (both ways a line is decoded), is never skipped.
    for (const r of RULES)
      for (const d of r.detectors)
        for (const k of d.keywords) {
          expect({ k, skipped: skips(Buffer.from(`x ${k} y`)) }).toEqual({ k, skipped: false });
          expect({ k, skipped: skips(Buffer.concat([Buffer.from('x '), iconv.encode(k, 'gb18030')])) }).toEqual({ k, skipped: false });
        }
  });

  test('never skips a line on which any rule finds something (random text, bytes, GBK, keys spliced in)', () => {
    const gen = new KeyGen(77);
    const keys = [gen.akId(), gen.akId(false), gen.akSecret(), gen.stsId(), gen.stsToken()];
    const line = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 80 }).map((s) => Buffer.from(s, 'utf8')),
      fc.uint8Array({ maxLength: 80 }).map((u) => Buffer.from(u)),
      fc
        .tuple(
          fc.string({ maxLength: 20 }),
          fc.constantFrom(...keys, 'secret = ', 'accessKeySecret: ', 'ltai', '密码：', 'password: '),
          fc.uint8Array({ maxLength: 6 }),
        )
        .map(([a, k, tail]) => Buffer.concat([Buffer.from(a), Buffer.from(k), Buffer.from(tail)])),
      fc
        .tuple(fc.uint8Array({ maxLength: 10 }), fc.constantFrom(...keys))
        .map(([junk, k]) => Buffer.concat([Buffer.from(junk), Buffer.from(k)])),
      // GBK text around a password word, the way a Chinese project's config is often encoded
      fc
        .tuple(fc.constantFrom('数据库密码=', '口令：', '密码 '), fc.string({ minLength: 8, maxLength: 20 }))
        .map(([a, b]) => Buffer.concat([iconv.encode(a, 'gb18030'), Buffer.from(b)])),
    );
    fc.assert(
      // A line never holds '\n' (git's diff is split on it).
      fc.property(
        line.map((b) => Buffer.from(b.filter((c) => c !== 0x0a))),
        (bytes) => {
          if (skips(bytes)) expect(findsAnything(bytes)).toBe(false);
        },
      ),
      { numRuns: 3000 },
    );
    // and the rules' own positive examples are never skipped
    for (const r of RULES) for (const t of r.examples.positive) expect(skips(Buffer.from(gen.expand(t)))).toBe(false);
  });
});

describe('dist/pre-commit.sh in real commits', () => {
  const gen = new KeyGen(4242);
  let bin: string;
  let mark: string;
  beforeAll(() => {
    bin = tmpDir('akh-fake-node-');
    mark = path.join(bin, 'ran');
    mkdirSync(bin, { recursive: true });
    writeFileSync(
      path.join(bin, 'node'),
      `#!/bin/sh\necho ran >> ${JSON.stringify(mark)}\nexec ${JSON.stringify(process.execPath)} "$@"\n`,
    );
    chmodSync(path.join(bin, 'node'), 0o755);
  });
  const ranNode = () => {
    const r = existsSync(mark);
    rmSync(mark, { force: true });
    return r;
  };
  function setup(): Repo {
    const repo = makeRepo();
    repo.env.PATH = `${bin}${path.delimiter}${repo.env.PATH}`;
    installHook(repo, repo.dir, `sh ${JSON.stringify(PRE)}`);
    return repo;
  }
  const commit = (repo: Repo, args: string[] = []) => repo.gitRaw(['commit', '-q', '-m', 'x', ...args]);

  test('a clean commit passes without starting node; a key is blocked by node', () => {
    const repo = setup();
    repo.write('a.txt', 'hello\n');
    repo.git(['add', '.']);
    // No HEAD yet: node decides.
    expect(commit(repo).status).toBe(0);
    expect(ranNode()).toBe(true);
    repo.write('a.txt', 'hello\nworld\n');
    repo.git(['add', '.']);
    expect(commit(repo).status).toBe(0);
    expect(ranNode()).toBe(false);
    const id = gen.akId();
    repo.write('b.txt', `id = ${id}\n`);
    repo.git(['add', '.']);
    const before = repo.snapshot();
    const r = commit(repo);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('b.txt:1:6');
    expect(r.stderr).not.toContain(id);
    expect(ranNode()).toBe(true);
    expect(repo.snapshot()).toBe(before);
  });

  test('new files are grepped as whole blobs: clean ones pass without node, a key on any line reaches node', () => {
    const repo = setup();
    repo.write('a.txt', 'hello\n');
    repo.git(['add', '.']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'init']);
    ranNode();
    // Clean new files (one without a final newline, a symlink) and a clean modification.
    repo.write('n1.txt', 'one\ntwo\n');
    repo.write('dir/n2.txt', 'three');
    repo.write('a.txt', 'hello\nthere\n');
    repo.git(['add', '.']);
    expect(commit(repo).status).toBe(0);
    expect(ranNode()).toBe(false);
    // A key on the last line of a new file without a final newline, among clean new files.
    const id = gen.akId();
    repo.write('n3.txt', 'clean\n');
    repo.write('n4.txt', `x\ny\nid = ${id}`);
    repo.git(['add', '.']);
    let r = commit(repo);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('n4.txt:3:6');
    expect(ranNode()).toBe(true);
    repo.git(['reset', '-q', '--hard']);
    // A keyword in a new file's name sends it to node (names are scanned); a bare word is no finding.
    repo.write('secret-notes.txt', 'nothing here\n');
    repo.git(['add', '.']);
    expect(commit(repo).status).toBe(0);
    ranNode();
    // A renamed file with a key added is no new file: the patch carries it.
    repo.git(['mv', 'n1.txt', 'renamed.txt']);
    repo.write('renamed.txt', `one\ntwo\nid = ${gen.akId()}\n`);
    repo.git(['add', '.']);
    r = commit(repo);
    expect(r.status).toBe(1);
    expect(ranNode()).toBe(true);
    repo.git(['reset', '-q', '--hard']);
    // A new gitlink (submodule entry): node decides.
    repo.git(['update-index', '--add', '--cacheinfo', `160000,${'1'.repeat(40)},sub`]);
    commit(repo);
    expect(ranNode()).toBe(true);
  });

  test('names, link targets and unreadable formats reach node: a key in a name blocks, an encrypted file is listed', () => {
    const repo = setup();
    repo.write('a.txt', 'hello\n');
    repo.git(['add', '.']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'init']);
    ranNode();
    const id = gen.akId();
    // A key only in a new file's name.
    repo.write(`keys/${id}.txt`, 'nothing\n');
    repo.git(['add', '.']);
    let r = commit(repo);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('(in the file name)');
    expect(ranNode()).toBe(true);
    repo.git(['reset', '-q', '--hard']);
    // A rename to a key-bearing name (no content change: only `rename to` carries it).
    repo.git(['mv', 'a.txt', `${id}.txt`]);
    r = commit(repo);
    expect(r.status).toBe(1);
    expect(ranNode()).toBe(true);
    repo.git(['reset', '-q', '--hard']);
    // A key as a new symbolic link's target.
    const link = repo.gitRaw(['hash-object', '-w', '--stdin'], { input: `../${id}` }).stdout.trim();
    repo.git(['update-index', '--add', '--cacheinfo', `120000,${link},current`]);
    r = commit(repo);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('current:1:4');
    expect(ranNode()).toBe(true);
    repo.git(['reset', '-q', '--hard']);
    // An ASCII-armoured encrypted file (no NUL, no keyword): node runs and names it.
    repo.write('secrets.asc', '-----BEGIN PGP MESSAGE-----\n\nhQEMA0aaaaaaaaaaAQf/bbbbbbbb\n=abcd\n-----END PGP MESSAGE-----\n');
    repo.git(['add', '.']);
    r = commit(repo);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('Not scanned (1 file): secrets.asc (openpgp, encrypted).');
    expect(ranNode()).toBe(true);
    // A clean commit still needs no node.
    repo.write('b.txt', 'plain\n');
    repo.git(['add', '.']);
    expect(commit(repo).status).toBe(0);
    expect(ranNode()).toBe(false);
  });

  test('in a linked worktree (git sets GIT_DIR for the hook) the fast path still works', () => {
    const repo = setup();
    repo.write('a.txt', 'hello\n');
    repo.git(['add', '.']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'init']);
    const wt = repo.dir + '-wt';
    repo.git(['worktree', 'add', '-q', wt, '-b', 'side']);
    installHook(repo, wt, `sh ${JSON.stringify(PRE)}`);
    ranNode();
    repo.write('../repo-wt/a.txt', 'hello\nclean\n');
    repo.git(['add', '.'], { cwd: wt });
    expect(repo.gitRaw(['commit', '-q', '-m', 'x'], { cwd: wt }).status).toBe(0);
    expect(ranNode()).toBe(false);
    const id = gen.akId();
    repo.write('../repo-wt/a.txt', `hello\nclean\n${id}\n`);
    repo.git(['add', '.'], { cwd: wt });
    const r = repo.gitRaw(['commit', '-q', '-m', 'x'], { cwd: wt });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('a.txt:3:1');
    expect(ranNode()).toBe(true);
  });

  test('keyword-less context rule, UTF-16, git commit -a and a broken config all reach node', () => {
    const repo = setup();
    const id = gen.akId();
    repo.write('cfg.txt', `id ${id}\n`);
    repo.git(['add', '.']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'old']);
    ranNode();
    // A bare 30-character secret beside an AccessKeyId already in the file.
    const secret = gen.akSecret();
    repo.write('cfg.txt', `id ${id}\n${secret}\n`);
    repo.git(['add', '.']);
    let r = commit(repo);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('cfg.txt:2:1');
    expect(ranNode()).toBe(true);
    repo.git(['reset', '-q', '--hard']);
    // UTF-16 with a BOM: the key's bytes hold NULs, so grep cannot see it; node must.
    const key = gen.akId();
    repo.write('u16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`key=${key}\n`, 'utf16le')]));
    repo.git(['add', '.']);
    r = commit(repo);
    expect(r.status).toBe(1);
    expect(ranNode()).toBe(true);
    repo.git(['reset', '-q', '--hard']);
    // git commit -a: the temporary index.
    const k2 = gen.akId();
    repo.write('cfg.txt', `id ${id}\nnew ${k2}\n`);
    r = commit(repo, ['-a']);
    expect(r.status).toBe(1);
    expect(r.stderr).not.toContain(k2);
    repo.git(['checkout', '-q', '--', 'cfg.txt']);
    ranNode();
    // A broken config on disk: node reports it (exit 2) even for a clean change.
    repo.write('.akhookrc.json', '{ not json');
    repo.write('clean.txt', 'clean\n');
    repo.git(['add', 'clean.txt']);
    r = commit(repo);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('.akhookrc.json');
    expect(ranNode()).toBe(true);
    expect(readFileSync(path.join(repo.dir, 'clean.txt'), 'utf8')).toBe('clean\n');
  });

  test('a real install (package.json with ak-hook as a devDependency) takes the fast path; config in package.json or a YAML config reaches node', () => {
    const repo = setup();
    const pkg = (extra: string) =>
      `{\n  "name": "app",\n  "devDependencies": {\n    "ak-hook": "^0.1.0",\n    "husky": "^9.1.7"\n  }${extra}\n}\n`;
    repo.write('package.json', pkg(''));
    repo.write('a.txt', 'hello\n');
    repo.git(['add', '.']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'init']);
    ranNode();
    repo.write('a.txt', 'hello\nworld\n');
    repo.git(['add', 'a.txt']);
    expect(commit(repo).status).toBe(0);
    expect(ranNode()).toBe(false);
    // Configuration under the "ak-hook" key: node reads it (here it is invalid: node says so).
    repo.write('package.json', pkg(',\n  "ak-hook": { "allow": "nope" }'));
    repo.write('a.txt', 'hello\nworld\nagain\n');
    repo.git(['add', 'a.txt', 'package.json']);
    let r = commit(repo);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('package.json');
    expect(ranNode()).toBe(true);
    // The same on one line (a minified package.json).
    repo.write('package.json', '{"name":"app","devDependencies":{"ak-hook":"^0.1.0"},"ak-hook":{"allow":"nope"}}\n');
    repo.git(['add', 'package.json']);
    r = commit(repo);
    expect(r.status).not.toBe(0);
    expect(ranNode()).toBe(true);
    // Any other config file name.
    repo.write('package.json', pkg(''));
    repo.write('.akhookrc.yaml', 'allow: nope\n');
    repo.git(['add', 'package.json', '.akhookrc.yaml']);
    r = commit(repo);
    expect(r.status).not.toBe(0);
    expect(ranNode()).toBe(true);
  });
});
