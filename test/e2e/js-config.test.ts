/**
 * End-to-end: JavaScript configs through real `git commit` with the hook installed by husky.
 * CommonJS and ES modules load (from the staged text); a config that exits, throws, loops or
 * never settles stops the commit with one line naming the file, within the time limit, and
 * leaves no process behind.
 */
import { mkdirSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import * as path from 'node:path';
import { KeyGen } from '../helpers/keygen';
import { makeRepo, type Repo } from '../helpers/repo';

const gen = new KeyGen(20261202);

function project(pkg: Record<string, unknown> = { name: 'demo', private: true }): Repo {
  const repo = makeRepo({ hook: true });
  repo.write('package.json', JSON.stringify(pkg) + '\n');
  repo.write('README.md', '# demo\n');
  repo.git(['add', '.']);
  repo.git(['commit', '-q', '--no-verify', '-m', 'init']);
  return repo;
}

/** Stages a key in fixtures/ and the config; returns the commit's result. */
function commitWith(repo: Repo, file: string, config: string, extra: Record<string, string> = {}): ReturnType<Repo['gitRaw']> {
  repo.write('fixtures/keys.env', `ACCESS_KEY_ID=${gen.akId()}\nACCESS_KEY_SECRET=${gen.akSecret()}\n`);
  repo.write(file, config);
  for (const [f, t] of Object.entries(extra)) repo.write(f, t);
  repo.git(['add', '.']);
  return repo.gitRaw(['commit', '-q', '-m', 'x']);
}

/** Processes (other than zombies) whose working directory is inside the repository. */
function processesIn(dir: string): string[] {
  const out: string[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (!readlinkSync(`/proc/${pid}/cwd`).startsWith(dir)) continue;
      if (/^\S+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))) continue;
      out.push(readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim());
    } catch {
      /* gone */
    }
  }
  return out;
}

const ALLOW_FIXTURES = `{ allow: [{ path: 'fixtures/**', reason: 'test data' }] }`;

describe('JavaScript configs load, CommonJS and ES modules alike', () => {
  test.each([
    ['ak-hook.config.mjs', `export default ${ALLOW_FIXTURES};\n`, {}],
    ['ak-hook.config.js', `export default ${ALLOW_FIXTURES};\n`, { type: 'module' }],
    ['ak-hook.config.js', `module.exports = ${ALLOW_FIXTURES};\n`, {}],
    ['ak-hook.config.cjs', `module.exports = require('./allow.cjs');\n`, { type: 'module' }],
    ['ak-hook.config.mjs', `const { allow } = await import('./allow.mjs');\nexport default { allow };\n`, {}],
    ['ak-hook.config.cjs', `module.exports = Promise.resolve(${ALLOW_FIXTURES});\n`, {}],
  ])('%s (%s) applies', (file, text, pkg) => {
    const repo = project({ name: 'demo', private: true, ...pkg });
    const extra = {
      'allow.cjs': `module.exports = ${ALLOW_FIXTURES};\n`,
      'allow.mjs': `export const allow = ${ALLOW_FIXTURES}.allow;\n`,
    };
    const r = commitWith(repo, file, text, extra);
    expect(r.stderr).toContain('2 allowed by the allowlist');
    expect(r.status).toBe(0);
    // Without the config the same key blocks.
    repo.git(['rm', '-q', file]);
    repo.write('fixtures/more.env', `ACCESS_KEY_SECRET=${gen.akSecret()}\n`);
    repo.git(['add', '.']);
    const blocked = repo.gitRaw(['commit', '-q', '-m', 'y']);
    expect(blocked.status).toBe(1);
    expect(blocked.stderr).toContain('fixtures/more.env');
  });

  test('an ES module config applies its staged text, not the edited disk copy', () => {
    const repo = project();
    repo.write('ak-hook.config.mjs', `export default ${ALLOW_FIXTURES};\n`);
    repo.write('fixtures/keys.env', `ACCESS_KEY_SECRET=${gen.akSecret()}\n`);
    repo.git(['add', '.']);
    repo.write('ak-hook.config.mjs', 'export default { allow: [] };\n');
    const r = repo.cli(['check', '--verbose']);
    expect(r.stderr).toContain('config: ak-hook.config.mjs (read from the index: staged)');
    expect(r.status).toBe(0);
    // And the other way round: the staged text allows nothing, the disk copy would.
    repo.git(['add', 'ak-hook.config.mjs']);
    repo.write('ak-hook.config.mjs', `export default ${ALLOW_FIXTURES};\n`);
    expect(repo.cli(['check']).status).toBe(1);
  });

  test("what a config prints does not reach ak-hook's output (JSON stays valid)", () => {
    const repo = project();
    repo.write('ak-hook.config.cjs', `console.log('hello'); console.error('warn'); module.exports = { allow: [] };\n`);
    repo.git(['add', '.']);
    const r = repo.cli(['check', '--format', 'json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ findings: [] });
    expect(r.stderr).toBe('');
  });
});

describe('a JavaScript config that misbehaves stops the commit with one line naming the file', () => {
  test.each([
    ['ak-hook.config.cjs', 'process.exit(0);\n', 'ended with process.exit(0) before exporting a config'],
    ['ak-hook.config.mjs', 'process.exit(0);\nexport default {};\n', 'ended with process.exit(0) before exporting a config'],
    ['ak-hook.config.cjs', "throw new TypeError('nope');\n", 'threw while loading: TypeError: nope'],
    ['ak-hook.config.mjs', 'export default await Promise.reject(new Error("later"));\n', 'threw while loading: Error: later'],
    [
      'ak-hook.config.cjs',
      "setTimeout(() => { throw new Error('async'); }); module.exports = new Promise(() => {});\n",
      'failed while loading',
    ],
    ['ak-hook.config.cjs', 'for (;;) {}\n', 'did not finish loading within 2 s'],
    ['ak-hook.config.mjs', 'await new Promise(() => {});\nexport default {};\n', 'did not finish loading within 2 s'],
    ['ak-hook.config.cjs', 'module.exports = new Promise(() => {});\n', 'did not finish loading within 2 s'],
  ])('%s: %s', (file, text, reason) => {
    const repo = project();
    const before = repo.snapshot();
    const r = commitWith(repo, file, text);
    expect(r.status).not.toBe(0);
    const errors = r.stderr.split('\n').filter((l) => l.startsWith('ak-hook: error:'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`ak-hook: error: ${file} ${reason}`);
    expect(repo.git(['rev-list', '--count', 'HEAD']).trim()).toBe('1');
    expect(before).not.toBe(repo.snapshot()); // (the files were staged by the test)
    // Nothing is left running in the repository: no git cat-file, no worker.
    expect(processesIn(repo.dir)).toEqual([]);
  });

  test('a config exporting functions, RegExp objects or other non-data gets every place listed', () => {
    const repo = project();
    repo.write(
      'ak-hook.config.cjs',
      'const self = { allow: [] }; self.allow.push({ regex: /test_/, reason: "r" });\n' +
        'module.exports = { ...self, rules: { x: () => false }, exclude: [new Date(0)], loop: self, paths: [Symbol("s")] };\n' +
        'self.me = self;\n',
    );
    repo.git(['add', '.']);
    const r = repo.cli(['check']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('ak-hook: error: ak-hook.config.cjs has 6 problems');
    expect(r.stderr).toContain('allow[0].regex: is a RegExp object (write the pattern as a string');
    expect(r.stderr).toContain('rules.x: is a function');
    expect(r.stderr).toContain('exclude[0]: is a Date, not plain data');
    expect(r.stderr).toContain('loop.me: refers back to itself');
    expect(r.stderr).toContain('paths[0]: is a symbol');
  });
});

describe('a config file that cannot be read', () => {
  test.each(['.akhookrc.json', 'ak-hook.config.mjs', '.akhook-baseline.json'])('%s (a folder of that name): exit 2 naming it', (name) => {
    const repo = project();
    mkdirSync(path.join(repo.dir, name));
    repo.write('a.txt', 'hello\n');
    repo.git(['add', 'a.txt']);
    const r = repo.cli(['check']);
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(`ak-hook: error: cannot read ${name}: EISDIR`);
  });
});
