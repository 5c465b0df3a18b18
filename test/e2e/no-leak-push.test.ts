/**
 * The suite-wide no-leak check records what `git push` prints (pre-push hook output), not only
 * `git commit` (issue 9). Its own file: the deliberate leak is forgotten without wiping what
 * other tests recorded.
 */
import { chmodSync } from 'node:fs';
import * as path from 'node:path';
import { KeyGen } from '../helpers/keygen';
import { forgetOutputs, leaks, runsAkHook } from '../helpers/no-leak';
import { commitAll } from '../helpers/project';
import { makeRepo, tmpDir } from '../helpers/repo';

const gen = new KeyGen(20261210);

describe('the suite-wide no-leak check sees what git push prints', () => {
  test('a pre-push hook that prints a full secret is caught', () => {
    const repo = makeRepo();
    repo.write('README.md', '# demo\n');
    commitAll(repo);
    const remote = path.join(tmpDir('akh-remote-'), 'remote.git');
    repo.git(['init', '-q', '--bare', remote]);
    const secret = gen.akSecret();
    repo.write('.git/hooks/pre-push', `#!/bin/sh\necho "printed ${secret}" >&2\nexit 1\n`);
    chmodSync(path.join(repo.dir, '.git/hooks/pre-push'), 0o755);
    forgetOutputs();
    expect(runsAkHook('git', ['push', '-q', remote, 'main'])).toBe(true);
    const r = repo.gitRaw(['push', '-q', remote, 'main']);
    expect(r.status).not.toBe(0);
    expect(leaks().length).toBeGreaterThan(0);
    forgetOutputs(); // this leak was on purpose
  });
});
