/**
 * Staged files that are not plain UTF-8, read through real git: GBK (common in Chinese
 * projects), UTF-16 LE/BE with a byte-order mark (git sees them as binary), UTF-8 with a BOM.
 * Findings must carry the line and column of the original file.
 */
import * as iconv from 'iconv-lite';
import { KeyGen } from '../helpers/keygen';
import { json, makeRepo, type Repo } from '../helpers/repo';

const gen = new KeyGen(0xe11c0de);

function utf16(text: string, endian: 'le' | 'be'): Buffer {
  const le = Buffer.from('\ufeff' + text, 'utf16le');
  if (endian === 'le') return le;
  const be = Buffer.from(le);
  be.swap16();
  return be;
}

function findings(repo: Repo): Array<{ ruleId: string; line: number; column: number; file: string }> {
  const r = repo.cli(['check', '--format', 'json']);
  const out = json(r);
  expect(r.status).toBe(out.findings.length > 0 ? 1 : 0);
  return out.findings.map((f) => ({
    ruleId: f.ruleId as string,
    line: f.line as number,
    column: f.column as number,
    file: f.file as string,
  }));
}

function stage(repo: Repo, file: string, content: Buffer): void {
  repo.write(file, content);
  repo.git(['add', file]);
}

describe('staged text in other encodings', () => {
  test('GBK: a 密码 line and an AccessKeyId are found on their own lines', () => {
    const repo = makeRepo();
    const id = gen.akId();
    const pw = gen.password();
    const text = `# 数据库配置（GBK 编码）\r\n数据库地址=10.0.0.8\r\n密码=${pw}\r\n# 阿里云访问密钥\r\naccessKeyId = "${id}"\r\n`;
    const bytes = iconv.encode(text, 'gbk');
    expect(bytes.includes(Buffer.from('密码', 'utf8'))).toBe(false); // really GBK, not UTF-8
    stage(repo, 'conf/db.properties', bytes);
    expect(findings(repo)).toEqual([
      { ruleId: 'password-assignment', line: 3, column: 4, file: 'conf/db.properties' },
      { ruleId: 'alibaba-access-key-id', line: 5, column: 16, file: 'conf/db.properties' },
    ]);
  });

  test.each(['le', 'be'] as const)('UTF-16%s with BOM: a new file and a later edit report original line numbers', (endian) => {
    const repo = makeRepo();
    const first = 'Windows Registry Editor Version 5.00\r\n\r\n[HKEY_CURRENT_USER\\Software\\Demo]\r\n"Region"="cn-hangzhou"\r\n';
    stage(repo, 'demo.reg', utf16(first, endian));
    expect(findings(repo)).toEqual([]);
    repo.git(['commit', '-q', '--no-verify', '-m', 'init']);

    const secret = gen.akSecret();
    const id = gen.akId();
    const second = first + `"AccessKeyId"="${id}"\r\n"AccessKeySecret"="${secret}"\r\n`;
    stage(repo, 'demo.reg', utf16(second, endian));
    expect(findings(repo)).toEqual([
      { ruleId: 'alibaba-access-key-id', line: 5, column: 16, file: 'demo.reg' },
      { ruleId: 'alibaba-access-key-secret', line: 6, column: 20, file: 'demo.reg' },
    ]);
  });

  test('UTF-8 with BOM: a key on the first line has the column of the text, not of the BOM', () => {
    const repo = makeRepo();
    const id = gen.akId();
    stage(
      repo,
      'keys.env',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`ALIBABA_CLOUD_ACCESS_KEY_ID=${id}\n# 说明\n`, 'utf8')]),
    );
    expect(findings(repo)).toEqual([{ ruleId: 'alibaba-access-key-id', line: 1, column: 29, file: 'keys.env' }]);
  });

  test('a GBK line beside UTF-8 lines in one file decodes line by line', () => {
    const repo = makeRepo();
    const pw = gen.password();
    const bytes = Buffer.concat([
      Buffer.from('name: 服务\n', 'utf8'),
      iconv.encode(`密码: ${pw}\n`, 'gbk'),
      Buffer.from('ok: true\n', 'utf8'),
    ]);
    stage(repo, 'mixed.yml', bytes);
    expect(findings(repo)).toEqual([{ ruleId: 'password-assignment', line: 2, column: 5, file: 'mixed.yml' }]);
  });
});

describe('an id and its secret in one file', () => {
  test('are linked as one credential: each finding names the other in "related"', () => {
    const repo = makeRepo();
    const id = gen.akId();
    const secret = gen.akSecret();
    stage(repo, 'oss.ini', Buffer.from(`[default]\naccess_key_id = ${id}\nregion = cn-hangzhou\naccess_key_secret = ${secret}\n`));
    const out = json(repo.cli(['check', '--format', 'json']));
    expect(out.findings.map((f) => [f.ruleId, f.line, f.related])).toEqual([
      ['alibaba-access-key-id', 2, [{ ruleId: 'alibaba-access-key-secret', line: 4, column: 21 }]],
      ['alibaba-access-key-secret', 4, [{ ruleId: 'alibaba-access-key-id', line: 2, column: 17 }]],
    ]);
    const text = repo.cli(['check']);
    expect(text.stderr).toContain('same credential as oss.ini:4:21 [alibaba-access-key-secret]');
  });
});
