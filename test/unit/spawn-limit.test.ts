import { execFileSync, spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { PROJECT } from '../helpers/repo';

/**
 * The suite's own guard (test/helpers/no-leak.ts): a process a test runs synchronously without a
 * timeout of its own is killed at the suite's limit, and the test fails naming it, instead of
 * holding CI until its time runs out.
 */
describe('the limit on synchronous runs', () => {
  beforeEach(() => {
    process.env.AKH_TEST_SPAWN_LIMIT_MS = '300';
  });
  afterEach(() => {
    delete process.env.AKH_TEST_SPAWN_LIMIT_MS;
  });

  test('spawnSync past the limit throws, naming the command', () => {
    const t0 = Date.now();
    expect(() => spawnSync('sleep', ['20'])).toThrow(/killed after 0\.3 s, still running: sleep 20/);
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  test('execFileSync past the limit throws ETIMEDOUT', () => {
    expect(() => execFileSync('sleep', ['20'], { stdio: 'pipe' })).toThrow(expect.objectContaining({ code: 'ETIMEDOUT' }));
  });

  test("a run's own timeout is kept, and within the limit a run is untouched", () => {
    const own = spawnSync('sleep', ['20'], { timeout: 200 });
    expect((own.error as NodeJS.ErrnoException | undefined)?.code).toBe('ETIMEDOUT');
    const quick = spawnSync('sh', ['-c', 'echo ok'], { encoding: 'utf8' });
    expect(quick.status).toBe(0);
    expect(quick.stdout).toBe('ok\n');
  });
});

test('a test file that never returns is killed at the file limit, naming the file', () => {
  const r = spawnSync(
    process.execPath,
    [
      path.join(PROJECT, 'node_modules/jest/bin/jest.js'),
      '--config',
      path.join(PROJECT, 'jest.config.js'),
      '--roots',
      '<rootDir>/test/fixtures',
      '--testMatch',
      '**/never-returns.fixture.ts',
      '--runInBand',
    ],
    { cwd: PROJECT, encoding: 'utf8', env: { ...process.env, AKH_TEST_FILE_LIMIT_MS: '3000' }, timeout: 60_000 },
  );
  expect(r.signal).toBe('SIGKILL');
  expect(r.stderr).toMatch(/ak-hook tests: \S*never-returns\.fixture\.ts still running after 0\.05 min: the run is killed/);
});
