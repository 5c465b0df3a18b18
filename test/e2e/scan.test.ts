/**
 * `ak-hook scan` (tracked files at HEAD or in the index), `scan --history` (the commit that
 * introduced each secret) and the SARIF output, validated against the SARIF 2.1.0 schema.
 */
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { run } from '../../src/cli/run';
import { KeyGen } from '../helpers/keygen';
import { commitAll, masked } from '../helpers/project';
import { json, makeRepo, type Repo } from '../helpers/repo';

const gen = new KeyGen(20261130);

/** The SARIF 2.1.0 schema (2.1.0-rtm.5, the final one), as shipped in the npm package @microsoft/jest-sarif. */
const schema = JSON.parse(readFileSync(path.join(__dirname, '../fixtures/sarif-schema-2.1.0.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }); // the schema's language pattern is not valid with the u flag;
addFormats(ajv);
const validateSarif = ajv.compile(schema);

function expectValidSarif(text: string): {
  runs: Array<{ results: Array<Record<string, unknown>>; tool: { driver: { rules: unknown[] } } }>;
} {
  const doc = JSON.parse(text);
  const ok = validateSarif(doc);
  expect(ok ? [] : validateSarif.errors).toEqual([]);
  return doc;
}

/** A history: a key added in commit 2, removed in commit 3; a second key still in HEAD. */
function history(): { repo: Repo; removed: string; current: string; added: string } {
  const repo = makeRepo();
  repo.write('README.md', '# demo\n');
  commitAll(repo);
  const removed = gen.akId();
  repo.write('deploy/env.sh', `export ALIBABA_CLOUD_ACCESS_KEY_ID=${removed}\n`);
  const added = commitAll(repo, 'add deploy');
  repo.write('deploy/env.sh', 'export ALIBABA_CLOUD_ACCESS_KEY_ID=$FROM_VAULT\n');
  commitAll(repo, 'remove key');
  const current = gen.akSecret();
  repo.write('src/app.js', `// notes\nconst accessKeySecret = "${current}";\n`);
  commitAll(repo, 'app');
  return { repo, removed, current, added };
}

describe('ak-hook scan', () => {
  test('scans every tracked file at HEAD, or the index with --index; read-only', () => {
    const { repo, current, removed } = history();
    const staged = gen.akId();
    repo.write('staged.txt', `id ${staged}\n`);
    repo.git(['add', 'staged.txt']);
    const before = repo.snapshot(true);

    const head = repo.cli(['scan', '--format', 'json']);
    expect(head.status).toBe(1);
    expect(json(head).findings.map((f) => [f.file, f.line, f.secret])).toEqual([['src/app.js', 2, masked(current)]]);
    expect(head.stderr).toContain('1 secret in the tracked files');
    expect(head.stdout + head.stderr).not.toContain(removed);

    const index = repo.cli(['scan', '--index', '--format', 'json']);
    expect(json(index).findings.map((f) => f.file)).toEqual(['src/app.js', 'staged.txt']);
    expect(repo.snapshot(true)).toBe(before);
  });

  test('--history reports each secret once, at the commit that introduced it, with author and date', () => {
    const { repo, removed, added } = history();
    const r = repo.cli(['scan', '--history', '--format', 'json']);
    expect(r.status).toBe(1);
    const doc = json(r);
    const f = doc.findings.find((x) => x.file === 'deploy/env.sh')!;
    expect(f).toMatchObject({ line: 1, secret: masked(removed), commit: { sha: added, author: 'Test', email: 'test@example.com' } });
    expect(String((f.commit as { date: string }).date)).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(doc.findings).toHaveLength(2);
    expect(r.stderr).toContain('2 secrets in the history');
    expect(r.stderr).toContain(`commit ${added.slice(0, 12)}  Test <test@example.com>`);
    // Not a TTY: no progress line.
    expect(r.stderr).not.toContain('scanning commits');
  });

  test("a user's hostile git config does not hide commits or lines from --history and --range", () => {
    const repo = makeRepo();
    const id = gen.akId();
    repo.write('ключ файл.js', `const id = "${id}";\n`);
    const root = commitAll(repo, 'root commit with a key');
    for (const [k, v] of [
      ['log.showRoot', 'false'],
      ['log.showSignature', 'true'],
      ['format.pretty', 'oneline'],
      ['log.decorate', 'full'],
      ['diff.noprefix', 'true'],
      ['diff.mnemonicPrefix', 'true'],
      ['diff.orderFile', 'nonexistent-order-file'],
      ['color.ui', 'always'],
      ['core.quotePath', 'true'],
      ['diff.external', 'false'],
      ['log.mailmap', 'true'],
      ['i18n.logOutputEncoding', 'ISO-8859-1'],
    ])
      repo.git(['config', k, v]);
    const r = repo.cli(['scan', '--history', '--format', 'json']);
    expect(r.stderr).not.toContain('error');
    expect(json(r).findings.map((f) => [f.file, f.line, (f.commit as { sha: string }).sha])).toEqual([['ключ файл.js', 1, root]]);
    expect(json(repo.cli(['check', '--range', root, '--format', 'json'])).findings).toHaveLength(1);
  });

  test('a progress line is shown only through the progress channel the CLI gets on a TTY', async () => {
    const { repo } = history();
    const shown: string[] = [];
    const r = await run(['scan', '--history'], { cwd: repo.dir, env: repo.env, progress: (l) => shown.push(l) });
    expect(r.exitCode).toBe(1);
    expect(shown[0]).toMatch(/^ak-hook: scanning commits \d+\/4$/);
    expect(shown.at(-2)).toBe('ak-hook: scanning commits 4/4');
    expect(shown.at(-1)).toBe('');
  });

  test('a clean tree: exit 0 and a one-line summary (also before the first commit)', () => {
    const repo = makeRepo();
    expect(repo.cli(['scan'])).toMatchObject({ status: 0, stderr: 'ak-hook: no secrets in 0 tracked files.\n' });
    expect(repo.cli(['scan', '--history'])).toMatchObject({ status: 0, stderr: 'ak-hook: no secrets in 0 commits.\n' });
    repo.write('a.js', 'const a = 1;\n');
    commitAll(repo);
    expect(repo.cli(['scan'])).toMatchObject({ status: 0, stderr: 'ak-hook: no secrets in 1 tracked file.\n' });
  });
});

describe('--format sarif', () => {
  test('check: valid SARIF 2.1.0, masked secret, rule metadata with help text, allowed findings as suppressions', () => {
    const repo = makeRepo();
    const id = gen.akId();
    const allowed = gen.akId();
    repo.write('src/a.js', `const id = "${id}";\n// ak-hook-allow\nconst sample = "${allowed}";\n`);
    repo.git(['add', '.']);
    const r = repo.cli(['check', '--format', 'sarif']);
    expect(r.status).toBe(1);
    expect(r.stdout).not.toContain(id);
    expect(r.stdout).not.toContain(allowed);
    const doc = expectValidSarif(r.stdout);
    const run0 = doc.runs[0];
    expect(run0.results).toHaveLength(2);
    expect(run0.results[0]).toMatchObject({
      ruleId: 'alibaba-access-key-id',
      level: 'error',
      locations: [
        { physicalLocation: { artifactLocation: { uri: 'src/a.js', uriBaseId: '%SRCROOT%' }, region: { startLine: 1, startColumn: 13 } } },
      ],
      properties: { maskedSecret: masked(id) },
    });
    expect(run0.results[0].suppressions).toBeUndefined();
    expect(run0.results[1].suppressions).toEqual([{ kind: 'inSource', justification: 'ak-hook-allow comment' }]);
    const rule = run0.tool.driver.rules.find((x) => (x as { id: string }).id === 'alibaba-access-key-id') as { help: { text: string } };
    expect(rule.help.text).toContain('RAM console');
  });

  test('scan --history: valid SARIF with the introducing commit; zh help text with --lang zh', () => {
    const { repo, added } = history();
    const r = repo.cli(['scan', '--history', '--format', 'sarif', '--lang', 'zh']);
    expect(r.status).toBe(1);
    const doc = expectValidSarif(r.stdout);
    expect(doc.runs[0].results.map((x) => (x.properties as { commit: string }).commit)).toContain(added);
    expect(JSON.stringify(doc.runs[0].tool.driver.rules)).toContain('RAM 控制台');
  });

  test('a clean run is still one valid document', () => {
    const repo = makeRepo();
    repo.write('a.js', 'ok\n');
    repo.git(['add', '.']);
    const r = repo.cli(['check', '--format', 'sarif']);
    expect(r.status).toBe(0);
    expect(expectValidSarif(r.stdout).runs[0].results).toEqual([]);
    // The validator does reject what is not SARIF 2.1.0.
    expect(validateSarif({ ...JSON.parse(r.stdout), version: '2.0.0' })).toBe(false);
    expect(validateSarif({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: {} }] }] })).toBe(false);
  });
});
