/**
 * The bin exits as soon as its output is handed over (src/cli/bin.ts): an output larger than a
 * pipe's buffer must still arrive whole, on stdout and on stderr, with the exit code.
 */
import { KeyGen } from '../helpers/keygen';
import { makeRepo } from '../helpers/repo';

test('a large report through pipes arrives whole before the bin exits', () => {
  const gen = new KeyGen(0xe417);
  const repo = makeRepo();
  const n = 300;
  repo.write('keys.py', Array.from({ length: n }, (_, i) => `ID_${i} = "${gen.akId()}"`).join('\n') + '\n');
  repo.git(['add', 'keys.py']);
  const json = repo.cli(['check', '--format', 'json']);
  expect(json.status).toBe(1);
  expect(json.stdout.length).toBeGreaterThan(1 << 16);
  expect((JSON.parse(json.stdout) as { findings: unknown[] }).findings).toHaveLength(n);
  const text = repo.cli(['check']);
  expect(text.status).toBe(1);
  expect(text.stderr.length).toBeGreaterThan(1 << 16);
  expect(text.stderr.match(/\[alibaba-access-key-id\]/g)).toHaveLength(n);
  expect(text.stderr.trimEnd().split('\n').pop()).toMatch(/^Nothing was committed/);
});
