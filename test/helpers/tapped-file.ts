import { addedStore, attachStore } from '../../src/git/added-lines';
import type { StagedFile } from '../../src/git/types';
import { binaryTaps } from '../../src/scan/binary-lines';

/** A new binary file as a reader leaves it: only its first line kept. */
export function newBinaryFile(): StagedFile {
  const f: StagedFile = { path: 'x.bin', status: 'added', kind: 'file', newOid: 'f'.repeat(40), binary: true, added: [] };
  attachStore(f).push(1, Buffer.from('first'), 0, 5, true);
  return f;
}

/** The same, with the runs view a tap made of `data` fed in random pieces (up to 5,000 bytes). */
export function tappedFile(data: Buffer, r: () => number): StagedFile {
  const f = newBinaryFile();
  const tap = binaryTaps()(f.newOid!)!;
  for (let at = 0; at < data.length;) {
    const n = Math.min(data.length - at, 1 + Math.floor(r() * 5000));
    tap.write(data, at, at + n);
    at += n;
  }
  addedStore(f)!.keepView(tap.end().view, 0);
  return f;
}
