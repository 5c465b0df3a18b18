import { AkHookError } from '../errors';
import type { CommitSelection } from './commits';
import { runGit } from './run';

/** One line of what git writes on a pre-push hook's standard input. */
export interface PushUpdate {
  localRef: string;
  localSha: string;
  remoteRef: string;
  remoteSha: string;
}

const isZero = (sha: string) => /^0+$/.test(sha);

/** Parses `<local ref> <local sha> <remote ref> <remote sha>` lines; anything else is an error. */
export function parsePushUpdates(text: string): PushUpdate[] {
  const out: PushUpdate[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const parts = line.trim().split(' ');
    if (parts.length !== 4 || !/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(parts[1]) || !/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(parts[3])) {
      throw new AkHookError('E_USAGE', `unexpected pre-push input line: ${line.slice(0, 120)}`);
    }
    out.push({ localRef: parts[0], localSha: parts[1], remoteRef: parts[2], remoteSha: parts[3] });
  }
  return out;
}

/**
 * The commits a push would publish: everything reachable from the pushed shas and from
 * neither the remote's current tips (when this repository has them) nor any
 * remote-tracking branch. A deletion pushes nothing; a new branch is bounded by the
 * remote-tracking branches, so only commits no remote is known to have are scanned.
 */
export async function pushSelection(
  updates: readonly PushUpdate[],
  opts: { root: string; env: NodeJS.ProcessEnv },
): Promise<CommitSelection> {
  const include = [...new Set(updates.filter((u) => !isZero(u.localSha)).map((u) => u.localSha))];
  const remote = [...new Set(updates.filter((u) => !isZero(u.remoteSha)).map((u) => u.remoteSha))];
  let exclude: string[] = [];
  if (include.length > 0 && remote.length > 0) {
    // The remote tip may be unknown here (pushed by someone else, not fetched): skip it then.
    const out = await runGit(['cat-file', '--batch-check=%(objectname) %(objecttype)'], {
      cwd: opts.root,
      env: opts.env,
      input: remote.map((s) => `${s}^{commit}`).join('\n') + '\n',
    });
    exclude = out
      .toString('utf8')
      .split('\n')
      .map((l, i) => (/^[0-9a-f]+ commit$/.test(l) ? remote[i] : ''))
      .filter((s) => s !== '');
  }
  return { include, exclude, notOnRemotes: true };
}
