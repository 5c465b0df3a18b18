/**
 * A blob staged as several new files (a vendored tool's copies, repeated licences) is read once
 * (issue 11): once a new file's blob was scanned and found nothing, a later new file with that
 * blob is handed over unread (`sameBlob`) and counted with that scan. Pinned with real git: every
 * path gets the result it gets when every copy is read (findings, allowlist, stats), a copy of a
 * blob that holds a key is read and reported at its own path, and allowing one path never
 * hides the other.
 */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { check, type CheckResult } from '../../src/check';
import type { GitBackend } from '../../src/git/backend';
import { nativeBackend } from '../../src/git/native';
import type { StagedFile } from '../../src/git/types';
import { KeyGen } from '../helpers/keygen';
import { commitAll } from '../helpers/project';
import { makeRepo, tmpDir, type Repo } from '../helpers/repo';

const gen = new KeyGen(20261203);

/**
 * The native reader, recording every file it hands over; `reuse: false` takes the reader's
 * scannedBlob away (every copy is read, as before).
 */
function recording(reuse: boolean): { backend: GitBackend; handed: StagedFile[] } {
  const native = nativeBackend();
  const handed: StagedFile[] = [];
  const backend: GitBackend = {
    ...native,
    streamStagedChanges: (opts, sink) =>
      native.streamStagedChanges!(reuse ? opts : { ...opts, scannedBlob: undefined }, {
        add: (f, part) => {
          handed.push(f);
          sink.add(f, part);
        },
        wait: () => sink.wait(),
      }),
  };
  return { backend, handed };
}

/** Filler of `mb` MB of clean new files under `dir` (the scan is then past the first copies when the reader reaches the later ones). */
function filler(repo: Repo, dir: string, mb: number): void {
  const line = 'export function add(a, b) { return a + b; } // plain code with no secret in it\n';
  const file = line.repeat(Math.ceil((64 << 10) / line.length));
  // (Each file its own blob: a first line of its own.)
  for (let i = 0; i < Math.ceil((mb << 20) / file.length); i++)
    repo.write(`${dir}/f${String(i).padStart(3, '0')}.js`, `// ${dir} ${i}\n${file}`);
}

/** A commit where the same blobs sit at paths of different kinds, far apart in git's order. */
function commitWithCopies(): { repo: Repo; id: string; secret: string } {
  const repo = makeRepo();
  repo.write('README.md', '# demo\n');
  commitAll(repo);
  const id = gen.akId();
  const secret = gen.akSecret();
  const keyed = `ALIBABA_CLOUD_ACCESS_KEY_ID=${id}\nALIBABA_CLOUD_ACCESS_KEY_SECRET=${secret}\n`;
  const clean = 'Permission is hereby granted, free of charge, to any person obtaining a copy.\n'.repeat(40);
  const binary = Buffer.concat([
    Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0]),
    Buffer.from('usage: tool --task second pass\n'),
    Buffer.alloc(64),
  ]);
  filler(repo, 'a-filler', 2);
  repo.write('b/.env', keyed);
  repo.write('b/LICENSE', clean);
  repo.write('b/tool.bin', binary);
  filler(repo, 'c-filler', 2);
  repo.write('d/notes.md', keyed);
  repo.write('d/LICENSE.md', clean);
  repo.write('d/copy.env', clean);
  repo.write('d/tool-copy.node', binary);
  repo.git(['add', '.']);
  return { repo, id, secret };
}

/** A config file outside the repository (explicit: lines are released from the start). */
function config(allow: Array<{ path: string }>): string {
  const file = path.join(tmpDir(), 'akhook.json');
  writeFileSync(file, JSON.stringify({ allow: allow.map((a) => ({ ...a, reason: 'test fixture' })) }));
  return file;
}

const where = (r: CheckResult) => ({
  findings: r.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`),
  suppressed: r.suppressed.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.suppressedBy?.by}`),
  stats: r.stats,
});

describe('a blob staged at several new paths', () => {
  let repo: Repo;
  beforeAll(() => {
    ({ repo } = commitWithCopies());
  });

  test('copies of a clean blob go unread, and the result is the one every copy read gives', async () => {
    const cfg = config([]);
    const reused = recording(true);
    const all = recording(false);
    const got = await check({ cwd: repo.dir, env: repo.env, configPath: cfg, backend: reused.backend });
    const want = await check({ cwd: repo.dir, env: repo.env, configPath: cfg, backend: all.backend });
    expect(where(got)).toEqual(where(want));
    // The copies of the clean text and of the binary were not read; the keyed copy was.
    const unread = reused.handed.filter((f) => f.sameBlob).map((f) => f.path);
    expect(unread).toEqual(['d/LICENSE.md', 'd/copy.env', 'd/tool-copy.node']);
    expect(all.handed.some((f) => f.sameBlob)).toBe(false);
    // Counted as scanned, binaries listed as read by their text runs, at every path.
    expect(got.stats.filesScanned).toBe(got.stats.filesChanged);
    expect(got.stats.textRuns).toEqual(['b/tool.bin', 'd/tool-copy.node']);
    // The key is found at both of its paths, each under its own name.
    expect(got.findings.map((f) => f.file)).toEqual(['b/.env', 'b/.env', 'd/notes.md', 'd/notes.md']);
  });

  test.each([
    ['b/.env', 'd/notes.md'],
    ['d/notes.md', 'b/.env'],
  ])('allowing %s does not hide the same key at %s', async (allowed, other) => {
    const cfg = config([{ path: allowed }]);
    const got = await check({ cwd: repo.dir, env: repo.env, configPath: cfg, backend: recording(true).backend });
    const want = await check({ cwd: repo.dir, env: repo.env, configPath: cfg, backend: recording(false).backend });
    expect(where(got)).toEqual(where(want));
    expect(got.findings.map((f) => f.file)).toEqual([other, other]);
    expect(got.suppressed.map((f) => [f.file, f.suppressedBy?.by])).toEqual([
      [allowed, 'path'],
      [allowed, 'path'],
    ]);
  });

  test("a commit whose config turns the rule off: its copies are read, and HEAD's config finds the key at both paths", async () => {
    const r = makeRepo();
    r.write('README.md', '# demo\n');
    commitAll(r);
    const line = `ALIBABA_CLOUD_ACCESS_KEY_ID=${gen.akId()}\n`;
    filler(r, 'a-filler', 2);
    r.write('b/.env', line);
    filler(r, 'c-filler', 2);
    r.write('d/notes.md', line);
    r.write('.akhookrc.json', '{"rules": {"alibaba-access-key-id": false}}\n');
    r.git(['add', '.']);
    const reused = recording(true);
    const got = await check({ cwd: r.dir, env: r.env, backend: reused.backend });
    // Clean under the staged config, but the lines are kept for HEAD's: no copy goes unread.
    expect(reused.handed.some((f) => f.sameBlob)).toBe(false);
    expect(got.findings).toEqual([]);
    expect(got.configChange?.rulesOff).toEqual(['alibaba-access-key-id']);
    expect(got.configChange?.allowed.map((f) => [f.file, f.unblockedBy.by])).toEqual([
      ['b/.env', 'rule-off'],
      ['d/notes.md', 'rule-off'],
    ]);
  });

  test('through the CLI with the config found in the repository: each path blocks on its own', () => {
    const r = repo.cli(['check', '--format', 'json']);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as { findings: Array<{ file: string }>; stats: { filesScanned: number; filesChanged: number } };
    expect(out.findings.map((f) => f.file)).toEqual(['b/.env', 'b/.env', 'd/notes.md', 'd/notes.md']);
    expect(out.stats.filesScanned).toBe(out.stats.filesChanged);
  });
});
