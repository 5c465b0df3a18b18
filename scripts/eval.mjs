// npm run eval [-- --rounds N]: prints precision, recall and F1 of the catalogue on the labelled
// corpus (test/corpus), overall and per rule. Exit code 1 when the targets are missed.
// npm run eval -- --wild DIR…: lists (masked) findings in real, unlabelled files, to hunt for
// false positives.
// Then the parts measured on outside truth (test/corpus/outside.ts): the peers' suites, and real
// code (node_modules committed to a scratch repository and scanned by `ak-hook check`; skip it
// with --no-real-code, or give other folders with --real-code DIR…).
import path from 'node:path';
import { loadTs, ROOT } from './run-ts.mjs';

const { main, mainWild } = loadTs('test/corpus/cli.ts', {
  __CORPUS_DIR__: JSON.stringify(path.join(ROOT, 'test/corpus/files')),
  __BLIND_DIR__: JSON.stringify(path.join(ROOT, 'test/corpus-blind/files')),
  __HELDOUT_DIR__: JSON.stringify(path.join(ROOT, 'test/corpus-heldout/files')),
});
const w = process.argv.indexOf('--wild');
const i = process.argv.indexOf('--rounds');
process.exitCode = w > 0 ? mainWild(process.argv.slice(w + 1)) : main(i > 0 ? Number(process.argv[i + 1]) : 20);
// The real-tools corpus: keys written now by ssh-keygen, openssl, puttygen, gpg and node:crypto, placed as projects hold them.
if (w < 0 && (await loadTs('test/corpus/realtools/cli.ts').mainRealTools()) !== 0) process.exitCode = 1;
if (w < 0) {
  const outside = loadTs('test/corpus/outside.ts');
  const write = (s) => process.stdout.write(s);
  if (outside.peers(write) > 0) process.exitCode = 1;
  const r = process.argv.indexOf('--real-code');
  if (!process.argv.includes('--no-real-code')) outside.realCode(ROOT, r > 0 ? process.argv.slice(r + 1) : [], write);
}
