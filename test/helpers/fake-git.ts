import { spawnSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { tmpDir } from './repo';

/** The real git, which the fake one forwards to. */
export const REAL_GIT = spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim();

/**
 * A folder holding a `git` that forwards to the real one, except for the subcommands given:
 * `cases[sub]` is the shell `case "$FAKE_GIT" in … esac` body run first for that subcommand
 * (`$REAL` names the real git; a branch that does not exit falls through to it).
 */
export function fakeGitDir(cases: Record<string, string>): string {
  const dir = tmpDir('akh-fake-git-');
  const branches = Object.entries(cases)
    .map(([sub, body]) => `    ${sub})\n      case "$FAKE_GIT" in\n${body}\n      esac ;;`)
    .join('\n');
  const script = `#!/bin/sh
REAL="${REAL_GIT}"
for a in "$@"; do
  case "$a" in
${branches}
  esac
done
exec "$REAL" "$@"
`;
  writeFileSync(path.join(dir, 'git'), script);
  chmodSync(path.join(dir, 'git'), 0o755);
  return dir;
}
