/**
 * The SQLite reader on damaged databases: a database made by the sqlite3 tool, cut and with bytes
 * overwritten at random (seeded): it never throws, never loops, and never reads past the file.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { readSqlite } from '../../src/scan/sqlite';
import { rng } from '../helpers/rng';

function database(sql: string): Buffer {
  const dir = mkdtempSync(path.join(tmpdir(), 'akh-sqlite-'));
  try {
    const file = path.join(dir, 'x.db');
    execFileSync('sqlite3', [file], { input: sql });
    return readFileSync(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('readSqlite', () => {
  const db = database(
    `create table t(a text, b blob, c integer);\n${Array.from({ length: 200 }, (_, i) => `insert into t values ('row ${i} ${'x'.repeat(i * 7)}', x'00ff${i.toString(16).padStart(4, '0')}', ${i});`).join('\n')}\ncreate index ti on t(a);\n`,
  );

  test('reads every text value of a sound database, one per line', () => {
    const got = readSqlite(db, 'x.db')!;
    const lines = got.entries[0].data.toString('latin1').split('\n');
    for (let i = 0; i < 200; i++) expect(lines).toContain(`row ${i} ${'x'.repeat(i * 7)}`);
    expect(got.unreadable).toEqual([]);
  });

  test('a cut or scribbled-over database never throws nor reads past its bytes', () => {
    const next = rng(0x5a17);
    const int = (n: number) => Math.floor(next() * n);
    for (let round = 0; round < 300; round++) {
      const d = Buffer.from(db.subarray(0, 512 + int(db.length - 512)));
      for (let k = 0, n = 1 + int(40); k < n; k++) d[100 + int(d.length - 100)] = int(256);
      const got = readSqlite(d, 'x.db');
      if (got) for (const e of got.entries) expect(e.data.length).toBeLessThanOrEqual(16 << 20);
    }
  });

  test('no SQLite header, or an impossible page size: not read', () => {
    expect(readSqlite(Buffer.alloc(4096), 'x.db')).toBeNull();
    const bad = Buffer.from(db);
    bad.writeUInt16BE(3000, 16);
    expect(readSqlite(bad, 'x.db')).toBeNull();
  });
});
