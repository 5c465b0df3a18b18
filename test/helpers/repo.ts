import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { lstatSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createHash } from 'node:crypto';

export const PROJECT = path.resolve(__dirname, '../..');
export const CLI = path.join(PROJECT, 'dist/cli.js');
const HUSKY_BIN = path.join(PROJECT, 'node_modules/husky/bin.js');

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

export function tmpDir(prefix = 'akh-'): string {
  const d = mkdtempSync(path.join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}

/** An environment isolated from the machine's git config, with a fixed identity. */
export function baseEnv(home: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: path.join(home, '.gitconfig'),
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.com',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.com',
    LANG: 'C',
    NO_COLOR: '1',
    ...extra,
  };
  return env;
}

export interface Repo {
  dir: string;
  home: string;
  env: NodeJS.ProcessEnv;
  git(args: string[], opts?: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv }): string;
  /** Runs git and returns the whole result (for commands expected to fail). */
  gitRaw(args: string[], opts?: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv }): SpawnSyncReturns<string>;
  write(file: string, content: string | Buffer): void;
  read(file: string): Buffer;
  /** Runs the built CLI in the repo. */
  cli(args: string[], opts?: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string }): SpawnSyncReturns<string>;
  /**
   * A snapshot of index entries, refs, status and working-tree bytes, to prove nothing
   * changed. `strict` adds the index file's bytes (git commit itself refreshes the index's
   * stat data, so only direct runs of the CLI can be held to that).
   */
  snapshot(strict?: boolean): string;
}

export function makeRepo(opts: { init?: boolean; hook?: boolean } = {}): Repo {
  const root = tmpDir();
  const home = path.join(root, 'home');
  const dir = path.join(root, 'repo');
  mkdirSync(home);
  mkdirSync(dir);
  writeFileSync(path.join(home, '.gitconfig'), '');
  const env = baseEnv(home);
  const repo: Repo = {
    dir,
    home,
    env,
    git(args, o = {}) {
      const r = repo.gitRaw(args, o);
      if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed (${r.status}): ${r.stderr}${r.stdout}`);
      return r.stdout;
    },
    gitRaw(args, o = {}) {
      return spawnSync('git', args, { cwd: o.cwd ?? dir, env: { ...env, ...o.env }, input: o.input, encoding: 'utf8' });
    },
    write(file, content) {
      const p = path.join(dir, file);
      mkdirSync(path.dirname(p), { recursive: true });
      writeFileSync(p, content);
    },
    read(file) {
      return readFileSync(path.join(dir, file));
    },
    cli(args, o = {}) {
      return spawnSync(process.execPath, [CLI, ...args], {
        cwd: o.cwd ?? dir,
        env: { ...env, ...o.env },
        input: o.input,
        encoding: 'utf8',
      });
    },
    snapshot(strict = false) {
      return snapshotRepo(repo, strict);
    },
  };
  if (opts.init !== false) repo.git(['init', '-q', '-b', 'main']);
  if (opts.hook) installHook(repo);
  return repo;
}

/**
 * Installs the hook the way a user's project does with husky 9: `husky` sets
 * core.hooksPath=.husky/_ and .husky/pre-commit runs the ak-hook bin.
 */
/** A repository with the hook installed and one commit (a README), so that HEAD exists. */
export function seededRepo(): Repo {
  const repo = makeRepo({ hook: true });
  repo.write('README.md', '# demo\n');
  repo.git(['add', '.']);
  repo.git(['commit', '-q', '--no-verify', '-m', 'init']);
  return repo;
}

export function installHook(repo: Repo, at = repo.dir, line = `node ${JSON.stringify(CLI)} check`): void {
  execFileSync(process.execPath, [HUSKY_BIN], { cwd: at, env: repo.env, stdio: 'pipe' });
  mkdirSync(path.join(at, '.husky'), { recursive: true });
  writeFileSync(path.join(at, '.husky/pre-commit'), line + '\n');
}

/**
 * Every entry of the working tree with its mode and content hash. A symlink is recorded as its
 * target, never followed: a test project links node_modules/ak-hook to this checkout, whose
 * bench/.work links to benchmark repositories of 100,000 files (walking them overflowed the stack).
 */
function hashTree(dir: string, rel = '', out: string[] = []): string[] {
  for (const name of readdirSync(path.join(dir, rel)).sort()) {
    if (rel === '' && name === '.git') continue;
    const r = rel ? `${rel}/${name}` : name;
    const st = lstatSync(path.join(dir, r), { throwIfNoEntry: false });
    if (!st) continue;
    if (st.isSymbolicLink()) out.push(`${r} -> ${readlinkSync(path.join(dir, r))}`);
    else if (st.isDirectory()) hashTree(dir, r, out);
    else
      out.push(
        `${r} ${st.mode.toString(8)} ${createHash('sha1')
          .update(readFileSync(path.join(dir, r)))
          .digest('hex')}`,
      );
  }
  return out;
}

export function snapshotRepo(repo: Repo, strict: boolean): string {
  const gitDir = repo.git(['rev-parse', '--absolute-git-dir']).trim();
  const indexFile = path.join(gitDir, 'index');
  let indexHash = 'none';
  try {
    indexHash = createHash('sha1').update(readFileSync(indexFile)).digest('hex');
  } catch {
    /* no index yet */
  }
  return [
    'ls-files:',
    repo.git(['ls-files', '-s']),
    'status:',
    repo.git(['status', '--porcelain=v1', '--untracked-files=all'], { env: { GIT_OPTIONAL_LOCKS: '0' } }),
    'refs:',
    repo.gitRaw(['show-ref', '--head']).stdout,
    ...(strict ? ['index-bytes:', indexHash] : []),
    'tree:',
    ...hashTree(repo.dir),
  ].join('\n');
}

/** Parses the JSON contract. */
export function json(r: SpawnSyncReturns<string>): {
  findings: Array<Record<string, unknown>>;
  suppressed: Array<Record<string, unknown>>;
} {
  try {
    return JSON.parse(r.stdout);
  } catch {
    throw new Error(`not JSON (exit ${r.status}): ${r.stdout}\n${r.stderr}`);
  }
}
