import { runGit } from './run';

/** Sizes in bytes of blobs by object id, in one `git cat-file --batch-check`. */
export async function blobSizes(oids: readonly string[], opts: { root: string; env: NodeJS.ProcessEnv }): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  if (oids.length === 0) return sizes;
  const out = await runGit(['cat-file', '--batch-check=%(objectname) %(objectsize)'], {
    cwd: opts.root,
    env: opts.env,
    input: oids.join('\n') + '\n',
  });
  for (const line of out.toString('latin1').split('\n')) {
    const m = /^([0-9a-f]+) (\d+)$/.exec(line);
    if (m) sizes.set(m[1], Number(m[2]));
  }
  return sizes;
}
