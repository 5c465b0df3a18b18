/**
 * Fail closed (issue 9): real internal failures, caused without any test-only backdoor, end a
 * commit in exit 2 with a one-line reason; machine formats stay one valid document on error;
 * messages say what stopped.
 */
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fakeGitDir } from '../helpers/fake-git';
import { KeyGen } from '../helpers/keygen';
import { commitAll, masked } from '../helpers/project';
import { CLI, installHook, makeRepo, type Repo } from '../helpers/repo';

const gen = new KeyGen(20261209);

const schema = JSON.parse(readFileSync(path.join(__dirname, '../fixtures/sarif-schema-2.1.0.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validateSarif = ajv.compile(schema);

/**
 * A `git` that forwards to the real one, except as $FAKE_GIT says: `malformed` prints a diff
 * git never would; `die` prints the start of the real diff and is killed; `killcat` is a
 * `cat-file --batch` killed after the first request; `hugecat` answers with an impossible size
 * (an unexpected, untyped internal error: no code of ours anticipates it). Only ak-hook's own git runs see it: the
 * hook line puts it first on PATH.
 */
function fakeGit(): string {
  const Z = '1'.repeat(40);
  return fakeGitDir({
    // (the list of changes git prints before the patch is well formed; the patch is not)
    'diff-index': `        malformed) printf ':100644 100644 %s %s M\\000x.txt\\000\\000' ${Z} ${Z}; printf 'diff --git a/x.txt b/x.txt\\n@@ this is not a hunk header @@\\n+x\\n'; exit 0 ;;
        die) "$REAL" "$@" | head -c 60; kill -9 $$ ;;`,
    'cat-file': `        killcat) read -r line; kill -9 $$ ;;
        hugecat) read -r line; printf '%s blob 99999999999999999\\n' 1111111111111111111111111111111111111111; exit 0 ;;`,
  });
}

/** A repository whose pre-commit hook runs ak-hook with the fake git first on PATH. */
function hookedRepo(fake: string): Repo {
  const repo = makeRepo();
  repo.write('README.md', '# demo\n');
  commitAll(repo);
  installHook(repo, repo.dir, `PATH="${fake}:$PATH" node ${JSON.stringify(CLI)} check`);
  return repo;
}

/** A commit that must not happen: exit non-zero, HEAD unchanged, one reason line from ak-hook. */
function expectStopped(repo: Repo, env: NodeJS.ProcessEnv, reason: RegExp): void {
  const head = repo.git(['rev-parse', 'HEAD']);
  const r = repo.gitRaw(['commit', '-q', '-m', 'x'], { env });
  expect(r.status).not.toBe(0);
  expect(repo.git(['rev-parse', 'HEAD'])).toBe(head);
  const lines = r.stderr.split('\n').filter((l) => l.startsWith('ak-hook: error:'));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(reason);
  expect(r.stderr).toMatch(/the commit was stopped/i);
}

describe('internal failures stop the commit (exit 2, one-line reason)', () => {
  let fake: string;
  beforeAll(() => {
    fake = fakeGit();
  });

  test('git prints malformed diff output', () => {
    const repo = hookedRepo(fake);
    repo.write('conf.js', `id = "${gen.akId()}"\n`);
    repo.git(['add', 'conf.js']);
    expectStopped(repo, { FAKE_GIT: 'malformed' }, /malformed hunk header/);
    // The same run by hand: exit 2 exactly.
    const r = repo.cli(['check'], { env: { PATH: `${fake}:${process.env.PATH}`, FAKE_GIT: 'malformed' } });
    expect(r.status).toBe(2);
  });

  test('git dies halfway through the diff', () => {
    const repo = hookedRepo(fake);
    repo.write('conf.js', `// a few lines\nid = "${gen.akId()}"\nmore = 1\n`);
    repo.git(['add', 'conf.js']);
    expectStopped(repo, { FAKE_GIT: 'die' }, /ak-hook: error: \S/);
    const r = repo.cli(['check'], { env: { PATH: `${fake}:${process.env.PATH}`, FAKE_GIT: 'die' } });
    expect(r.status).toBe(2);
  });

  test('git cat-file is killed while the config is read', () => {
    const repo = hookedRepo(fake);
    repo.write('.akhookrc.json', '{"allow": []}\n');
    repo.write('conf.js', `id = "${gen.akId()}"\n`);
    repo.git(['add', '.akhookrc.json', 'conf.js']);
    expectStopped(repo, { FAKE_GIT: 'killcat' }, /cat-file/);
    const r = repo.cli(['check'], { env: { PATH: `${fake}:${process.env.PATH}`, FAKE_GIT: 'killcat' } });
    expect(r.status).toBe(2);
  });

  test('git cat-file answers with an impossible object size (an untyped internal error)', () => {
    const repo = hookedRepo(fake);
    repo.write('.akhookrc.json', '{"allow": []}\n');
    repo.write('conf.js', `id = "${gen.akId()}"\n`);
    repo.git(['add', '.akhookrc.json', 'conf.js']);
    expectStopped(repo, { FAKE_GIT: 'hugecat' }, /out of range/);
    const r = repo.cli(['check'], { env: { PATH: `${fake}:${process.env.PATH}`, FAKE_GIT: 'hugecat' } });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Please report this');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test('an unreadable config (a folder where the config file should be; tests run as root, so no chmod)', () => {
    const repo = hookedRepo(fake);
    mkdirSync(path.join(repo.dir, '.akhookrc.json'));
    writeFileSync(path.join(repo.dir, '.akhookrc.json/x'), '');
    repo.write('conf.js', `id = "${gen.akId()}"\n`);
    repo.git(['add', 'conf.js']);
    expectStopped(repo, {}, /\.akhookrc\.json|EISDIR|directory/);
    expect(repo.cli(['check']).status).toBe(2);
  });

  test('a config of invalid bytes', () => {
    const repo = hookedRepo(fake);
    repo.write('.akhookrc.json', Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0xc3]));
    repo.write('conf.js', `id = "${gen.akId()}"\n`);
    repo.git(['add', '.akhookrc.json', 'conf.js']);
    expectStopped(repo, {}, /\.akhookrc\.json/);
  });
});

describe('machine formats stay valid on error', () => {
  function broken(): Repo {
    const repo = makeRepo();
    repo.write('README.md', '# demo\n');
    commitAll(repo);
    return repo;
  }

  test('--format sarif: one valid SARIF document with executionSuccessful false and the reason', () => {
    const repo = broken();
    const r = repo.cli(['check', '--range', 'no-such-ref..HEAD', '--format', 'sarif']);
    expect(r.status).toBe(2);
    const doc = JSON.parse(r.stdout);
    expect(validateSarif(doc) ? [] : validateSarif.errors).toEqual([]);
    const inv = doc.runs[0].invocations[0];
    expect(inv.executionSuccessful).toBe(false);
    expect(inv.toolExecutionNotifications[0].message.text).toContain('no-such-ref');
    expect(doc.runs[0].results).toEqual([]);
    expect(r.stderr).toContain('the scan stopped');
    expect(r.stderr).not.toContain('commit was stopped');
  });

  test('--format json: {"error": {code, message}}; a usage error too', () => {
    const repo = broken();
    const r = repo.cli(['check', '--range', 'no-such-ref..HEAD', '--format', 'json']);
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({ error: { code: 'E_GIT_FAILED', message: expect.stringContaining('no-such-ref') } });
    const u = repo.cli(['scan', '--format=json', '--no-such-option']);
    expect(u.status).toBe(2);
    expect(JSON.parse(u.stdout).error.code).toBe('E_USAGE');
  });

  test('--output writes the document atomically, on success and on error; never a 0-byte file', () => {
    const repo = broken();
    const out = path.join(repo.dir, 'out');
    mkdirSync(out);
    const ok = repo.cli(['scan', '--format', 'sarif', '--output', 'out/ak.sarif']);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toBe('');
    const good = JSON.parse(readFileSync(path.join(out, 'ak.sarif'), 'utf8'));
    expect(validateSarif(good) ? [] : validateSarif.errors).toEqual([]);
    expect(good.runs[0].invocations[0].executionSuccessful).toBe(true);

    const bad = repo.cli(['check', '--range', 'nope..HEAD', '--format', 'sarif', '-o', 'out/ak.sarif']);
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    const doc = JSON.parse(readFileSync(path.join(out, 'ak.sarif'), 'utf8'));
    expect(validateSarif(doc) ? [] : validateSarif.errors).toEqual([]);
    expect(doc.runs[0].invocations[0].executionSuccessful).toBe(false);
    expect(readdirSync(out)).toEqual(['ak.sarif']);

    const j = repo.cli(['scan', '--format', 'json', '-o', 'out/ak.json']);
    expect(JSON.parse(readFileSync(path.join(out, 'ak.json'), 'utf8')).findings).toEqual([]);
    expect(j.stdout).toBe('');
    // text has no document to write
    const t = repo.cli(['scan', '-o', 'out/ak.txt']);
    expect(t.status).toBe(2);
    expect(existsSync(path.join(out, 'ak.txt'))).toBe(false);
    // an unwritable target is an error, with the document still on stdout
    const w = repo.cli(['scan', '--format', 'json', '-o', 'missing-dir/ak.json']);
    expect(w.status).toBe(2);
    expect(w.stderr).toContain('missing-dir/ak.json');
  });
});

describe('messages say what stopped', () => {
  test('the commit in the hook, the scan for scan / --range, the push for --pre-push', () => {
    const repo = makeRepo();
    repo.write('README.md', '# demo\n');
    commitAll(repo);
    repo.write('.akhookrc.json', '{ not json');
    repo.git(['add', '.akhookrc.json']);
    const check = repo.cli(['check']);
    expect(check.status).toBe(2);
    expect(check.stderr).toContain('the commit was stopped');
    for (const args of [['scan'], ['scan', '--history'], ['check', '--range', 'HEAD~0..HEAD']]) {
      const r = repo.cli(args);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('the scan stopped');
      expect(r.stderr).not.toContain('commit was stopped');
    }
    const push = repo.cli(['check', '--pre-push', 'origin', 'url'], { input: '' });
    expect(push.status).toBe(2);
    expect(push.stderr).toContain('the push was stopped');
    const zh = repo.cli(['scan', '--lang', 'zh']);
    expect(zh.stderr).toContain('扫描已停止');
  });
});

describe('scans survive damage (a missing object, as in a partial or damaged clone)', () => {
  /** Three commits: a key in the first and the third; the second adds a file whose blob is then deleted. */
  function damaged(): { repo: Repo; first: string; third: string; lost: string; lostCommit: string } {
    const repo = makeRepo();
    const first = gen.akId();
    repo.write('a.js', `const id = "${first}";\n`);
    commitAll(repo, 'one');
    repo.write('b.txt', 'only here\n');
    const lostCommit = commitAll(repo, 'two');
    const third = gen.akId();
    repo.write('c.js', `const id = "${third}";\n`);
    commitAll(repo, 'three');
    const lost = repo.git(['rev-parse', `${lostCommit}:b.txt`]).trim();
    rmSync(path.join(repo.dir, '.git/objects', lost.slice(0, 2), lost.slice(2)));
    return { repo, first, third, lost, lostCommit };
  }

  test('scan --history: reports the findings of the readable commits, names the unreadable one, exits 2', () => {
    const { repo, first, third, lost, lostCommit } = damaged();
    const r = repo.cli(['scan', '--history']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(masked(first));
    expect(r.stderr).toContain(masked(third));
    expect(r.stderr).toContain('1 commit could not be read');
    expect(r.stderr).toContain(`${lostCommit.slice(0, 12)}  unable to read ${lost}`);
    expect(r.stderr).toContain('the scan stopped');
    expect(r.stderr).not.toContain('commit was stopped');
    const j = repo.cli(['scan', '--history', '--format', 'json']);
    expect(j.status).toBe(2);
    const doc = JSON.parse(j.stdout);
    expect(doc.findings).toHaveLength(2);
    expect(doc.unreadable).toEqual([{ sha: lostCommit, reason: `unable to read ${lost}` }]);
    const s = repo.cli(['scan', '--history', '--format', 'sarif']);
    const sarif = JSON.parse(s.stdout);
    expect(validateSarif(sarif) ? [] : validateSarif.errors).toEqual([]);
    expect(sarif.runs[0].results).toHaveLength(2);
    expect(sarif.runs[0].invocations[0].executionSuccessful).toBe(false);
  });

  test('check --range and --pre-push: the same, and the push is stopped', () => {
    const { repo, third, lostCommit } = damaged();
    const r = repo.cli(['check', '--range', 'HEAD~2..HEAD']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(masked(third));
    expect(r.stderr).toContain(lostCommit.slice(0, 12));
    const head = repo.git(['rev-parse', 'HEAD']).trim();
    const p = repo.cli(['check', '--pre-push', 'origin', 'url'], { input: `refs/heads/main ${head} refs/heads/main ${'0'.repeat(40)}\n` });
    expect(p.status).toBe(2);
    expect(p.stderr).toContain('the push was stopped');
  });

  test('scan --index, baseline and stale: a tracked file whose object is missing is named, exit 2', () => {
    const repo = makeRepo();
    repo.write('a.txt', 'fine\n');
    repo.write('b.txt', 'lost\n');
    commitAll(repo);
    const lost = repo.git(['rev-parse', ':b.txt']).trim();
    rmSync(path.join(repo.dir, '.git/objects', lost.slice(0, 2), lost.slice(2)));
    const r = repo.cli(['scan', '--index']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`b.txt (${lost})`);
    const b = repo.cli(['baseline']);
    expect(b.status).toBe(2);
    expect(b.stderr).toContain('b.txt');
    expect(existsSync(path.join(repo.dir, '.akhook-baseline.json'))).toBe(false);
    expect(repo.cli(['stale']).status).toBe(2);
  });

  test('scan (HEAD): the readable files are scanned and reported, the unreadable one named, exit 2', () => {
    const repo = makeRepo();
    const id = gen.akId();
    repo.write('a.js', `const id = "${id}";\n`);
    repo.write('b.txt', 'lost\n');
    commitAll(repo);
    const lost = repo.git(['rev-parse', 'HEAD:b.txt']).trim();
    rmSync(path.join(repo.dir, '.git/objects', lost.slice(0, 2), lost.slice(2)));
    rmSync(path.join(repo.dir, 'b.txt')); // else git diffs the identical work-tree file instead
    const r = repo.cli(['scan']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(masked(id));
    expect(r.stderr).toContain(`b.txt (${lost})`);
    const j = JSON.parse(repo.cli(['scan', '--format', 'json']).stdout);
    expect(j.findings).toHaveLength(1);
    expect(j.unreadableFiles).toEqual([`b.txt (${lost})`]);
  });
});
