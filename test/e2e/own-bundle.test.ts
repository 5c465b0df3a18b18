import { spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { makeRepo, PROJECT } from '../helpers/repo';

/**
 * ak-hook installed in a project that commits its node_modules: its own bundle (rule
 * descriptions, zh labels, examples of what is not a secret) must not block the commit.
 * Found by hand: esbuild wrote the zh labels as \uXXXX escapes, and `password: "\u8BF7…"`
 * read as a literal password.
 */
test('the built package files hold no finding', () => {
  const repo = makeRepo();
  const dist = path.join(PROJECT, 'dist');
  const files = readdirSync(dist).filter((f) => f.endsWith('.js') || f.endsWith('.sh'));
  expect(files).toContain('index.js');
  for (const f of files) {
    repo.write(`node_modules/ak-hook/dist/${f}`, '');
    copyFileSync(path.join(dist, f), path.join(repo.dir, 'node_modules/ak-hook/dist', f));
  }
  repo.git(['add', '-A']);
  const r = repo.cli(['check', '--format', 'json']);
  const out = JSON.parse(r.stdout) as { findings: Array<{ file: string; line: number; ruleId: string }> };
  expect(out.findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`)).toEqual([]);
  expect(r.status).toBe(0);
});

/**
 * The project passes its own hook: every tracked file of this checkout, scanned as the hook's
 * `scan` reads them, holds no finding (key material in the tests is made at run time). Found by
 * hand: a doc comment quoting `UID=…;PWD=…` in Markdown backticks read as a password.
 */
test("the project's own tracked files hold no finding", () => {
  const r = spawnSync(process.execPath, [path.join(PROJECT, 'dist/cli.js'), 'scan', '--format', 'json'], {
    cwd: PROJECT,
    encoding: 'utf8',
  });
  expect(r.stderr).toBe('');
  const out = JSON.parse(r.stdout) as { findings: Array<{ file: string; line: number; ruleId: string }> };
  expect(out.findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`)).toEqual([]);
  expect(r.status).toBe(0);
});
