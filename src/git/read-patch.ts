import { RangeSplitter } from './range-splitter';
import { DiffParser } from './parse-diff';
import { runGit } from './run';
import type { StagedFile } from './types';

/** Runs a git command that prints one hardened patch and parses what it adds, file by file. */
export async function readPatch(args: readonly string[], opts: { root: string; env: NodeJS.ProcessEnv }): Promise<StagedFile[]> {
  const parser = new DiffParser();
  const splitter = new RangeSplitter((buf, start, end, clean) => parser.lineAt(buf, start, end, clean));
  await runGit(args, { cwd: opts.root, env: opts.env, onStdout: (c) => splitter.push(c) });
  splitter.end();
  return parser.finish();
}
