/**
 * `scan --history` reads `git log -p` as a stream: each commit is scanned as soon as git has
 * written it. These histories are long enough for git's output to arrive in many pieces, so
 * the scan overlaps git; what is reported must not depend on that.
 */
import { existsSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { streamCommitsSurviving, type CommitChanges } from '../../src/git/commits';
import { scanCommits } from '../../src/scan-commits';
import { KeyGen } from '../helpers/keygen';
import { makeRepo, type Repo } from '../helpers/repo';

const gen = new KeyGen(20261202);

/** Filler lines (no keyword), ~1 KB a commit: 120 commits make git write several pipe buffers. */
const filler = (i: number): string =>
  Array.from({ length: 12 }, (_, k) => `export const value${i}_${k} = compute(${i}, ${k}, "item-${i * 31 + k}"); // step ${k}\n`).join('');

/** Commits made with `git fast-import` (one process): each entry sets files (content, or null to delete). */
function importCommits(repo: Repo, commits: Array<Record<string, string | null>>): string[] {
  let stream = '';
  commits.forEach((files, i) => {
    const msg = `commit ${i}\n`;
    stream += `commit refs/heads/main\nmark :${i + 1}\ncommitter Test <test@example.com> ${1700000000 + i * 60} +0000\n`;
    stream += `data ${Buffer.byteLength(msg)}\n${msg}`;
    if (i > 0) stream += `from :${i}\n`;
    for (const [p, content] of Object.entries(files)) {
      if (content === null) stream += `D ${p}\n`;
      else stream += `M 100644 inline ${p}\ndata ${Buffer.byteLength(content)}\n${content}\n`;
    }
  });
  // Loose objects (not a pack), so that a test can remove one.
  repo.git(['-c', 'fastimport.unpackLimit=1000000', 'fast-import', '--quiet'], { input: stream });
  repo.git(['symbolic-ref', 'HEAD', 'refs/heads/main']);
  return repo.git(['rev-list', '--reverse', 'main']).trim().split('\n');
}

function fillerHistory(n: number, at: Record<number, Record<string, string | null>>): Array<Record<string, string | null>> {
  return Array.from({ length: n }, (_, i) => ({ [`src/m${i % 7}.ts`]: filler(i), ...at[i] }));
}

describe('scan --history streams git log -p', () => {
  test('a secret added, removed and added again is reported once, at the commit that first added it', async () => {
    const repo = makeRepo();
    const key = gen.akId();
    const other = gen.akId();
    const shas = importCommits(
      repo,
      fillerHistory(120, {
        10: { 'deploy/env.sh': `export ALIBABA_CLOUD_ACCESS_KEY_ID=${key}\n` },
        40: { 'deploy/env.sh': 'export ALIBABA_CLOUD_ACCESS_KEY_ID=$FROM_VAULT\n' },
        70: { 'deploy/env.sh': `export ALIBABA_CLOUD_ACCESS_KEY_ID=${key}\n` },
        90: { 'deploy/env.sh': null, 'ops/env.sh': `export ALIBABA_CLOUD_ACCESS_KEY_ID=${key}\n` },
        110: { 'src/late.js': `const id = "${other}";\n` },
      }),
    );
    const progress: Array<[number, number]> = [];
    const r = await scanCommits({
      cwd: repo.dir,
      env: repo.env,
      select: { include: [], all: true },
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(r.commits).toBe(120);
    expect(r.unreadable).toEqual([]);
    // The key in deploy/env.sh at commit 10 (not 70); moving the file (commit 90) adds no line.
    expect(r.findings.map((f) => [f.file, f.line, f.commit.sha])).toEqual([
      ['deploy/env.sh', 1, shas[10]],
      ['src/late.js', 1, shas[110]],
    ]);
    expect(r.stats.filesScanned).toBe(120 + 4);
    // Progress counts every commit once, in order, and ends at the total.
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toEqual([120, 120]);
    for (let i = 1; i < progress.length; i++) expect(progress[i][0]).toBeGreaterThan(progress[i - 1][0]);
  });

  test('--range and the CLI give the same commits as the library', () => {
    const repo = makeRepo();
    const key = gen.akId();
    const shas = importCommits(repo, fillerHistory(60, { 50: { 'a.js': `const id = "${key}";\n` } }));
    const r = repo.cli(['check', '--range', `${shas[45]}..main`, '--format', 'json']);
    expect(r.status).toBe(1);
    const doc = JSON.parse(r.stdout) as { findings: Array<{ file: string; commit: { sha: string } }> };
    expect(doc.findings.map((f) => [f.file, f.commit.sha])).toEqual([['a.js', shas[50]]]);
    expect(repo.cli(['check', '--range', `${shas[50]}..main`]).status).toBe(0);
  });

  test('a damaged clone: every readable commit is handed over once, oldest first; the unreadable ones are named', async () => {
    const repo = makeRepo();
    const keys = [gen.akId(), gen.akId(), gen.akId()];
    const shas = importCommits(
      repo,
      fillerHistory(90, {
        5: { 'a.js': `const id = "${keys[0]}";\n` },
        30: { 'lost-1.txt': 'only here, once\n' },
        31: { 'b.js': `const id = "${keys[1]}";\n` },
        60: { 'lost-2.txt': 'only here, twice\n' },
        85: { 'c.js': `const id = "${keys[2]}";\n` },
      }),
    );
    const lost = [repo.git(['rev-parse', `${shas[30]}:lost-1.txt`]).trim(), repo.git(['rev-parse', `${shas[60]}:lost-2.txt`]).trim()];
    for (const o of lost) expect(existsSync(path.join(repo.dir, '.git/objects', o.slice(0, 2), o.slice(2)))).toBe(true);
    for (const o of lost) rmSync(path.join(repo.dir, '.git/objects', o.slice(0, 2), o.slice(2)));

    const handed: string[] = [];
    const r = await streamCommitsSurviving({ include: [], all: true }, { root: repo.dir, env: repo.env }, (c: CommitChanges) => {
      handed.push(c.commit.sha);
    });
    const readable = shas.filter((s) => s !== shas[30] && s !== shas[60]);
    expect(handed).toEqual(readable);
    expect(r.commits).toBe(88);
    expect(r.unreadable).toEqual([
      { sha: shas[30], reason: `unable to read ${lost[0]}` },
      { sha: shas[60], reason: `unable to read ${lost[1]}` },
    ]);

    const cli = repo.cli(['scan', '--history', '--format', 'json']);
    expect(cli.status).toBe(2);
    const doc = JSON.parse(cli.stdout) as { findings: Array<{ file: string; commit: { sha: string } }>; unreadable: unknown[] };
    expect(doc.findings.map((f) => [f.file, f.commit.sha])).toEqual([
      ['a.js', shas[5]],
      ['b.js', shas[31]],
      ['c.js', shas[85]],
    ]);
    expect(doc.unreadable).toHaveLength(2);
  });

  test('git starts before the session is open: a config error still wins over a bad revision, and over a good history', async () => {
    const repo = makeRepo();
    importCommits(repo, fillerHistory(30, {}));
    repo.write('.akhookrc.json', '{ "not json');
    const select = { include: ['no-such-branch..main'] };
    await expect(scanCommits({ cwd: repo.dir, env: repo.env, select })).rejects.toMatchObject({ code: 'E_CONFIG_PARSE' });
    await expect(scanCommits({ cwd: repo.dir, env: repo.env, select: { include: [], all: true } })).rejects.toMatchObject({
      code: 'E_CONFIG_PARSE',
    });
  });

  test('an error in the sink stops git and is thrown as is (not taken for damage)', async () => {
    const repo = makeRepo();
    importCommits(repo, fillerHistory(80, {}));
    let seen = 0;
    const boom = new Error('sink failed');
    await expect(
      streamCommitsSurviving({ include: [], all: true }, { root: repo.dir, env: repo.env }, () => {
        if (++seen === 3) throw boom;
      }),
    ).rejects.toBe(boom);
    expect(seen).toBe(3);
  });

  test('a sink that takes most commits at once and some later: each commit once, in order, after the one before', async () => {
    const repo = makeRepo();
    const shas = importCommits(repo, fillerHistory(150, {}));
    const order: string[] = [];
    let busy = false;
    await streamCommitsSurviving({ include: [], all: true }, { root: repo.dir, env: repo.env }, ({ commit }): void | Promise<void> => {
      // No commit reaches the sink while the one before is still being taken.
      expect(busy).toBe(false);
      order.push(commit.sha);
      if (order.length % 10 !== 0) return;
      busy = true;
      return new Promise<void>((resolve) => setTimeout(resolve, 2)).then(() => {
        busy = false;
      });
    });
    expect(order).toEqual(shas);
  });

  test('a sink that throws while taking a commit at once stops git and is thrown as is', async () => {
    const repo = makeRepo();
    importCommits(repo, fillerHistory(150, {}));
    let seen = 0;
    const boom = new Error('sync sink failed');
    await expect(
      streamCommitsSurviving({ include: [], all: true }, { root: repo.dir, env: repo.env }, (): void => {
        if (++seen === 100) throw boom;
      }),
    ).rejects.toBe(boom);
    expect(seen).toBe(100);
  });
});
