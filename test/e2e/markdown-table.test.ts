/**
 * A password column of a Markdown table (a server list in the docs) blocks a real `git commit`,
 * one finding per row, masked; an options table that documents a `password` setting does not.
 */
import { KeyGen } from '../helpers/keygen';
import { json, makeRepo } from '../helpers/repo';

const gen = new KeyGen(0x7ab1e);

test('each row of a password column blocks, at its cell; documentation tables pass', () => {
  const repo = makeRepo({ hook: true });
  repo.write('README.md', '# ops\n');
  repo.git(['add', '.']);
  repo.git(['commit', '-q', '--no-verify', '-m', 'init']);
  const [a, b] = [gen.password(), gen.password()];
  repo.write(
    'docs/servers.md',
    [
      '# 环境信息',
      '',
      '| 主机 | 用户名 | 密码 | 备注 |',
      '| --- | --- | --- | --- |',
      `| 10.0.0.5 | root | ${a} | 跳板机 |`,
      '| 10.0.0.6 | root | 同上 | |',
      `| 10.0.0.7 | app | \`${b}\` | 应用 |`,
      '',
      '| Option | Type | Description |',
      '| --- | --- | --- |',
      '| password | string | The password to connect with |',
      '',
    ].join('\n'),
  );
  repo.git(['add', '.']);
  const found = json(repo.cli(['check', '--format', 'json'])).findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`);
  expect(found).toEqual(['docs/servers.md:5:21 password-assignment', 'docs/servers.md:7:21 password-assignment']);
  const r = repo.gitRaw(['commit', '-q', '-m', 'docs']);
  expect(r.status).not.toBe(0);
  expect(r.stderr).toContain('docs/servers.md:5:21');
  expect(r.stderr + r.stdout).not.toContain(a);
  expect(r.stderr + r.stdout).not.toContain(b);
});

test('a row added under a table the commit does not add is read under its header (from the staged file)', () => {
  const repo = makeRepo({ hook: true });
  const a = gen.password();
  const table = ['# 服务器', '', '| 主机 | 用户名 | 密码 |', '| --- | --- | --- |', `| 10.0.0.5 | root | 同上 |`, ''];
  repo.write('docs/servers.md', table.join('\n'));
  repo.write('docs/options.md', '| Option | Type |\n| --- | --- |\n| password | string |\n');
  repo.git(['add', '.']);
  repo.git(['commit', '-q', '--no-verify', '-m', 'init']);
  // A new row, and an edit of a table with no password column: only the row's password is found.
  table.splice(5, 0, `| 10.0.0.9 | app | ${a} |`);
  repo.write('docs/servers.md', table.join('\n'));
  repo.write('docs/options.md', `| Option | Type |\n| --- | --- |\n| password | string |\n| token | ${gen.alnum(12)} |\n`);
  repo.git(['add', '.']);
  const found = json(repo.cli(['check', '--format', 'json'])).findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`);
  expect(found).toEqual(['docs/servers.md:6:20 password-assignment']);
  const r = repo.gitRaw(['commit', '-q', '-m', 'row']);
  expect(r.status).not.toBe(0);
  expect(r.stderr + r.stdout).not.toContain(a);
  // The same row staged with a placeholder passes.
  repo.write('docs/servers.md', table.join('\n').replace(a, '见密码本'));
  repo.git(['add', '.']);
  expect(repo.gitRaw(['commit', '-q', '-m', 'row']).status).toBe(0);
});
