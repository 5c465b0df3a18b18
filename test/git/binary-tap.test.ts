/**
 * The readers' taps (StagedChangesOptions.newBinaryTap): one patch, and the patch without new
 * files plus the new files read as blobs, hand each new binary file's blob to a tap byte for
 * byte, and only those (a modified or renamed binary, a text file, a file over the size limit
 * are not tapped); with or without taps they give the same files and lines (a binary file's
 * first line only). Real git.
 */
import { heldView } from '../../src/git/added-lines';
import { readDiff } from '../../src/git/native';
import type { BlobTap, StagedChangesOptions } from '../../src/git/backend';
import type { StagedChanges } from '../../src/git/types';
import { makeRepo } from '../helpers/repo';
import { rng } from '../helpers/rng';

function bytes(r: () => number, n: number, zeros: number): Buffer {
  return Buffer.from(Array.from({ length: n }, () => (r() < zeros ? 0 : r() < 0.1 ? 0x0a : r() < 0.05 ? 0x0d : Math.floor(r() * 256))));
}

/** Taps that keep what they are given, by object id. */
function collector(): { taps: Map<string, { got: Buffer[] }>; newBinaryTap: (oid: string) => BlobTap } {
  const taps = new Map<string, { got: Buffer[] }>();
  return {
    taps,
    newBinaryTap: (oid) => {
      const view = { got: [] as Buffer[] };
      taps.set(oid, view);
      return {
        write: (buf, start, end) => void view.got.push(Buffer.from(buf.subarray(start, end))),
        end: () => ({ view, bytes: 0 }),
      };
    },
  };
}

function lines(c: StagedChanges): unknown[] {
  return c.files
    .map((f) => [f.path, f.status, f.binary, f.tooLarge ?? false, f.added.map((a) => `${a.line}:${a.bytes.toString('hex')}`)])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
}

test('new binary files reach the tap whole, in both ways of reading; nothing else does', async () => {
  const r = rng(20261203);
  const repo = makeRepo();
  repo.write('.gitattributes', 'marked.dat binary\nnodiff.txt -diff\n');
  repo.write('old.bin', bytes(r, 5000, 0.3));
  repo.write('moved-from.bin', bytes(r, 6000, 0.3));
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '--no-verify', '-m', 'init']);
  const blobs: Record<string, Buffer> = {
    'a-first-nul.bin': Buffer.concat([Buffer.from([0]), bytes(r, 3000, 0.2)]),
    'b-late-nul.txt': Buffer.concat([Buffer.from('plain text line\n'.repeat(20_000)), Buffer.from('late\0nul\nmore text\n')]),
    'c-no-final-lf.bin': Buffer.concat([bytes(r, 4000, 0.2), Buffer.from('\0last line without LF')]),
    'd-crlf.bin': Buffer.from('one\r\ntwo\0\r\nthree\r\n'),
    'e-lf-only.bin': Buffer.from('\0\n\n\n'),
    'f-large.bin': bytes(r, 300_000, 0.2),
    'g-long-line.bin': Buffer.concat([Buffer.from('\0'), Buffer.alloc(200_000, 0x61), Buffer.from('\n\0')]),
    'marked.dat': Buffer.concat([Buffer.from('text marked binary\n'), Buffer.from([0, 1, 2])]),
    'nodiff.txt': Buffer.from('\0text with a NUL, marked -diff\n'),
    'text.txt': Buffer.from('only text\n'),
    'utf16.txt': Buffer.from('\ufeffkey = value\r\n'.repeat(100), 'utf16le'),
    'too-big.bin': bytes(r, 400_000, 0.5),
  };
  for (const [p, b] of Object.entries(blobs)) repo.write(p, b);
  repo.write('old.bin', bytes(r, 5000, 0.3));
  repo.git(['mv', 'moved-from.bin', 'moved-to.bin']);
  repo.git(['add', '-A']);
  const oid = (p: string) => repo.git(['rev-parse', `:${p}`]).trim();
  const base: StagedChangesOptions = { root: repo.dir, env: repo.env, firstBinaryLine: true };
  const want = Object.keys(blobs).filter((p) => blobs[p].includes(0) && p !== 'too-big.bin');
  for (const split of ['never', 'always'] as const) {
    // A limit only too-big.bin passes.
    const limits = { maxFileBytes: 350_000 };
    const plain = await readDiff('HEAD', { ...base, ...limits }, split);
    const c = collector();
    const tapped = await readDiff('HEAD', { ...base, ...limits, newBinaryTap: c.newBinaryTap }, split);
    expect(lines(tapped)).toEqual(lines(plain));
    // A binary file keeps its first added line only, however git's output was cut.
    for (const f of tapped.files) if (f.binary && !f.tooLarge) expect(f.added.length).toBe(1);
    // What each tap made is kept with its file (the tap of a file found too large on the way is dropped).
    const kept = tapped.files.filter((f) => heldView(f) !== null);
    expect(kept.map((f) => f.path).sort()).toEqual(want.sort());
    for (const f of kept) {
      expect(heldView(f)).toBe(c.taps.get(oid(f.path)));
      expect(Buffer.concat(c.taps.get(oid(f.path))!.got).equals(blobs[f.path])).toBe(true);
    }
    expect(tapped.files.filter((f) => f.tooLarge).map((f) => f.path)).toEqual(['too-big.bin']);
  }
});
