/**
 * A SQLite database made by the sqlite3 tool and committed through real `git commit` with the
 * hook: a row stores its columns back to back, so an AccessKey pair in adjacent columns is one
 * glued run in the file's text runs (found by neither rule before). Its values are read one per
 * line: across pages, through overflow chains, in a UTF-16 database and through an index.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { KeyGen } from '../helpers/keygen';
import { json, seededRepo, type Repo } from '../helpers/repo';

const gen = new KeyGen(0x5c1173);

/** Runs `sql` with the sqlite3 tool on `file` in the repository. */
function sqlite(repo: Repo, file: string, sql: string): void {
  mkdirSync(path.dirname(path.join(repo.dir, file)), { recursive: true });
  execFileSync('sqlite3', [path.join(repo.dir, file)], { input: sql });
}

function findings(repo: Repo): string[] {
  const r = repo.cli(['check', '--format', 'json']);
  return json(r).findings.map((f) => `${f.file} ${f.ruleId}`);
}

const seeded = seededRepo;

/** Rows of filler around the key's row, so the table spans many pages. */
function filler(n: number, from: number): string {
  return Array.from(
    { length: n },
    (_, i) => `insert into creds values ('svc-${from + i}', 'id-${from + i}', 'not a key ${from + i}');`,
  ).join('\n');
}

describe('SQLite databases', () => {
  test('an AccessKey pair in adjacent columns blocks the commit (one glued run before), named in the database', () => {
    const repo = seeded();
    const id = gen.akId();
    const secret = gen.akSecret();
    sqlite(
      repo,
      'data/app.db',
      `create table creds(name text, ak_id text, ak_secret text);\n${filler(300, 0)}\ninsert into creds values ('prod', '${id}', '${secret}');\n${filler(300, 300)}\n`,
    );
    // As stored: the name, the id and the secret side by side, no byte between them.
    expect(readFileSync(path.join(repo.dir, 'data/app.db')).includes(Buffer.from(`prod${id}${secret}`))).toBe(true);
    repo.git(['add', 'data/app.db']);
    expect(findings(repo)).toEqual([
      'data/app.db!/app.db.values alibaba-access-key-id',
      'data/app.db!/app.db.values alibaba-access-key-secret',
    ]);
    const r = repo.gitRaw(['commit', '-q', '-m', 'db']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('data/app.db!/app.db.values');
    expect(r.stderr + r.stdout).not.toContain(secret);
  });

  test('a value spread over overflow pages, a UTF-16 database and an indexed column are read; a clean database passes unnamed', () => {
    const repo = seeded();
    const id = gen.akId();
    const secret = gen.akSecret();
    const env = `ALIBABA_CLOUD_ACCESS_KEY_ID=${id}\nALIBABA_CLOUD_ACCESS_KEY_SECRET=${secret}\n`;
    // Past the page (4 KiB): the text continues on overflow pages, the key at its end.
    sqlite(
      repo,
      'big.db',
      `create table notes(body text);\ninsert into notes values ('${'lorem ipsum '.repeat(1500)}' || char(10) || '${env}');\n`,
    );
    repo.git(['add', 'big.db']);
    expect(findings(repo)).toEqual(['big.db!/big.db.values alibaba-access-key-id', 'big.db!/big.db.values alibaba-access-key-secret']);
    repo.git(['rm', '-q', '--cached', 'big.db']);
    sqlite(
      repo,
      'wide.db',
      `pragma encoding='UTF-16le';\ncreate table creds(ak_id text, ak_secret text);\ninsert into creds values ('${id}', '${secret}');\n`,
    );
    repo.git(['add', 'wide.db']);
    expect(findings(repo)).toEqual(['wide.db!/wide.db.values alibaba-access-key-id', 'wide.db!/wide.db.values alibaba-access-key-secret']);
    repo.git(['rm', '-q', '--cached', 'wide.db']);
    // The id kept in an index too: found in the table's page and in the index's.
    sqlite(
      repo,
      'indexed.db',
      `create table keys(ak_id text, note text);\ncreate index by_id on keys(ak_id);\n${Array.from({ length: 50 }, (_, i) => `insert into keys values ('k${i}', 'x');`).join('\n')}\ninsert into keys values ('${id}', 'prod');\n`,
    );
    repo.git(['add', 'indexed.db']);
    expect(findings(repo)).toEqual([
      'indexed.db!/indexed.db.values alibaba-access-key-id',
      'indexed.db!/indexed.db.values alibaba-access-key-id',
    ]);
    repo.git(['rm', '-q', '--cached', 'indexed.db']);
    sqlite(
      repo,
      'clean.db',
      `create table t(a text, b integer);\n${Array.from({ length: 100 }, (_, i) => `insert into t values ('row ${i}', ${i});`).join('\n')}\n`,
    );
    repo.git(['add', 'clean.db']);
    const r = repo.cli(['check', '--format', 'json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).stats.unscanned).toEqual([]);
    // A header whose page size is impossible: not read, named as not scanned.
    const broken = readFileSync(path.join(repo.dir, 'clean.db'));
    broken.writeUInt16BE(3000, 16);
    repo.write('broken.db', broken);
    repo.git(['add', 'broken.db']);
    const b = repo.cli(['check', '--format', 'json']);
    expect(b.status).toBe(0);
    expect(JSON.parse(b.stdout).stats.unscanned).toEqual([{ path: 'broken.db', reason: 'compressed', format: 'sqlite' }]);
  });
});
