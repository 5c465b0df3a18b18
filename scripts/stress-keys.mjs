// The stress run of the real-tools corpus (slow; not part of `npm test`): many fresh keys of every
// format, placed every way, scanned by the built CLI. Build first: `npm run build`.
//   node scripts/stress-keys.mjs [--scale 1] [--only REGEX] [--batch 400] [--keep DIR]
// --scale multiplies every generator's count (0.1 for a quick pass); --only picks generator
// groups (ssh-keygen, openssl, puttygen, gpg, age, wg, minisign, signify, openvpn, nebula,
// dropbear, git-crypt, ktutil, tor, dnssec, rndc, wpa, node:crypto); --keep copies the files of
// every wrong case. Prints the miss rate per format and per placement; exit code 1 on any.
import path from 'node:path';
import { loadTs, ROOT } from './run-ts.mjs';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const { runStress } = loadTs('test/corpus/realtools/stress.ts');
const only = arg('--only');
const r = runStress({
  scale: Number(arg('--scale', '1')),
  only: only ? new RegExp(only) : undefined,
  batch: Number(arg('--batch', '400')),
  keep: arg('--keep'),
  cli: path.join(ROOT, 'dist/cli.js'),
  prefilter: path.join(ROOT, 'dist/pre-commit.sh'),
  log: (s) => process.stderr.write(s + '\n'),
});
process.stdout.write(r.text);
process.exitCode = r.wrong > 0 ? 1 : 0;
