/**
 * The raw list of changes git prints before the patch (`--raw -z`, src/git/raw-section.ts): cut
 * into pieces anywhere, it gives the new files a `--diff-filter=A` listing gives, says whether
 * there are other changes, and the patch after it is byte for byte the patch alone. Real git,
 * SHA-1 and SHA-256, names with spaces, newlines, quotes and non-ASCII, renames and deletions.
 */
import { execFileSync } from 'node:child_process';
import { addedFilesArgs } from '../../src/git/native-new-files';
import type { Addition } from '../../src/git/new-file-lines';
import { stagedDiffArgs, stagedPatchArgs } from '../../src/git/native';
import { RawSection } from '../../src/git/raw-section';
import { hardenedArgs } from '../../src/git/run';
import { commitAll } from '../helpers/project';
import { makeRepo, type Repo } from '../helpers/repo';
import { rng } from '../helpers/rng';

/** The reference: `:000000 100644 0…0 <oid> A\0path\0` records of a `--diff-filter=A` listing, read plainly. */
function referenceAdditions(out: Buffer): Addition[] {
  const files: Addition[] = [];
  let pos = 0;
  while (pos < out.length) {
    const nul = out.indexOf(0, pos);
    const pathEnd = nul < 0 ? -1 : out.indexOf(0, nul + 1);
    if (nul < 0 || pathEnd < 0) break;
    const [, mode, , oid] = out.toString('latin1', pos + 1, nul).split(' ');
    files.push({ path: out.toString('utf8', nul + 1, pathEnd), mode, oid });
    pos = pathEnd + 1;
  }
  return files;
}

function changes(repo: Repo): void {
  repo.write('keep.txt', 'keep\n');
  repo.write('gone.txt', 'to be deleted\n');
  repo.write('old name.txt', Array.from({ length: 30 }, (_, i) => `moved line ${i}`).join('\n') + '\n');
  commitAll(repo);
  repo.write('keep.txt', 'keep\nmore\n');
  repo.git(['rm', '-q', 'gone.txt']);
  repo.git(['mv', 'old name.txt', 'new name.txt']);
  for (const name of ['a.txt', 'dir with space/b c.txt', '配置/密钥.txt', 'quo"te\\back.txt', 'new\nline.txt', 'tab\there.txt', 'z.bin']) {
    repo.write(name, name.endsWith('.bin') ? Buffer.from([0, 1, 2, 0x0a]) : `content of ${name}\n`);
  }
  repo.git(['add', '-A']);
}

const git = (repo: Repo, args: string[]) => execFileSync('git', hardenedArgs(args), { cwd: repo.dir, env: repo.env, maxBuffer: 1 << 26 });

function read(out: Buffer, cuts: number[]): { raw: RawSection; patch: Buffer } {
  const raw = new RawSection();
  const patch: Buffer[] = [];
  let from = 0;
  for (const to of [...cuts, out.length]) {
    const chunk = out.subarray(from, to);
    from = to;
    if (raw.done) patch.push(chunk);
    else {
      const at = raw.push(chunk);
      if (at >= 0) patch.push(chunk.subarray(at));
    }
  }
  raw.end();
  return { raw, patch: Buffer.concat(patch) };
}

test.each(['sha1', 'sha256'])('cut anywhere, the list gives the new files and the patch after it is the patch (%s)', (format) => {
  const repo = makeRepo({ init: false });
  repo.git(['init', '-q', `--object-format=${format}`, '-b', 'main']);
  changes(repo);
  const out = git(repo, stagedPatchArgs('HEAD'));
  const patch = git(repo, stagedDiffArgs('HEAD'));
  const listed = referenceAdditions(git(repo, addedFilesArgs('HEAD', stagedDiffArgs('HEAD'))));
  expect(listed.map((l) => l.path)).toContain('配置/密钥.txt');
  const r = rng(format === 'sha1' ? 1 : 2);
  const ways: number[][] = [[], Array.from({ length: out.length - 1 }, (_, i) => i + 1)];
  for (let k = 0; k < 40; k++) {
    const cuts = new Set<number>();
    for (let n = Math.floor(r() * 12); n > 0; n--) cuts.add(1 + Math.floor(r() * (out.length - 1)));
    ways.push([...cuts].sort((a, b) => a - b));
  }
  for (const cuts of ways) {
    const got = read(out, cuts);
    expect(got.patch.equals(patch)).toBe(true);
    expect(got.raw.additions()).toEqual(listed);
    expect(got.raw.hasOthers()).toBe(true);
    // Asked one by one (as the split decision does), the same.
    const again = read(out, cuts).raw;
    expect(listed.map((_, i) => again.addition(i))).toEqual(listed);
    expect(again.addition(listed.length)).toBeUndefined();
  }
});

test('only new files; nothing staged; output that is not a raw list fails', () => {
  const repo = makeRepo();
  repo.write('a.txt', 'a\n');
  commitAll(repo);
  expect(git(repo, stagedPatchArgs('HEAD')).length).toBe(0);
  new RawSection().end();
  repo.write('b.txt', 'b\n');
  repo.git(['add', '-A']);
  const { raw } = read(git(repo, stagedPatchArgs('HEAD')), []);
  expect(raw.additions().map((a) => a.path)).toEqual(['b.txt']);
  expect(raw.hasOthers()).toBe(false);
  expect(() => new RawSection().push(Buffer.from('diff --git a/x b/x\n'))).toThrow(/unexpected/);
  const cut = new RawSection();
  cut.push(Buffer.from(':100644 100644 '));
  expect(() => cut.end()).toThrow(/ended inside/);
  const bad = new RawSection();
  bad.push(Buffer.from(':100644 100644 abc def M\0x\0\0'));
  expect(() => bad.additions()).toThrow(/unexpected/);
});
