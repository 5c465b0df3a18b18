/**
 * Rows added under a Markdown table whose header the commit does not add are read under that
 * header (the staged file's lines): each row found under its block's header (a row's block start
 * is taken from the row above's answer; it was found by walking up from each row, n² / 2 steps).
 */
import type { Allowlist } from '../../src/allowlist/apply';
import { compileRules } from '../../src/detect/engine';
import { RULES } from '../../src/detect/rules';
import type { BlobSource } from '../../src/git/backend';
import type { StagedFile } from '../../src/git/types';
import { scanFiles } from '../../src/scan/scan-files';
import { KeyGen } from '../helpers/keygen';

const compiled = compileRules(RULES);
const NONE: Allowlist = { match: () => null, expiredHits: () => [], unused: () => [] };

/** `lines` as the staged file, the lines numbered in `added` as what the commit adds. */
async function scanModified(lines: string[], added: (line: number) => boolean): Promise<string[]> {
  const data = Buffer.from(lines.join('\n') + '\n');
  const file: StagedFile = {
    path: 'docs/servers.md',
    status: 'modified',
    kind: 'file',
    newOid: 'new',
    oldOid: 'old',
    binary: false,
    added: [],
  };
  lines.forEach((text, i) => {
    if (added(i + 1)) file.added.push({ line: i + 1, bytes: Buffer.from(text) });
  });
  const source: BlobSource = { read: async (spec) => (spec === 'new' ? { oid: spec, data } : null), close() {} };
  const r = await scanFiles([file], { compiled, allowlist: NONE, blobs: () => source });
  return r.findings.map((f) => `${f.line} ${f.ruleId}`);
}

test('rows added in blocks under unchanged headers: each password row found, once', async () => {
  const gen = new KeyGen(41);
  const lines = ['# Servers', '', '| Host | User | Password |', '| --- | --- | --- |'];
  const want: number[] = [];
  const row = (pw: boolean): string => {
    if (pw) want.push(lines.length + 1);
    return `| 10.0.${gen.int(255)}.${gen.int(255)} | app | ${pw ? gen.password() : '同上'} |`;
  };
  for (let i = 0; i < 40; i++) lines.push(row(i % 7 === 3));
  lines.push('', '| Option | Type |', '| --- | --- |', '| password | string |', '');
  lines.push('| 主机 | 用户名 | 密码 |', '|---|---|---|');
  for (let i = 0; i < 25; i++) lines.push(row(i % 5 === 0));
  // Added: every row except the headers, separators and one unchanged row in each table.
  const unchanged = new Set([1, 2, 3, 4, 10, 45, 46, 47, 48, 49, 50, 51, 60]);
  const found = await scanModified(lines, (n) => !unchanged.has(n));
  expect(found).toEqual(want.filter((n) => !unchanged.has(n)).map((n) => `${n} password-assignment`));
});
