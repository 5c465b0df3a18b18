// node bench/fp-npm.mjs [--list FILE] [--limit N]
// False positives on published third-party code: packs the npm packages named in bench/fp-npm.txt
// (`npm pack`, no install, no scripts; tarballs cached in bench/.work/fp-npm/tgz), unpacks each into
// a scratch repository (bench/.work/fp-npm/repo, everything staged, nothing committed), runs
// `ak-hook check --format json` there and prints the files and lines scanned and the findings by
// rule and by package. Every finding is to be triaged by hand: a real key, a test fixture's key
// (a finding by design) or a false positive to fix in its rule. Needs the npm registry; ~1 GB of
// disk for the full list; the check takes about 10 minutes on a loaded 2-core machine.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GIT_ENV } from './gen-repo.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const WORK = path.join(HERE, '.work', 'fp-npm');
const TGZ = path.join(WORK, 'tgz');
const REPO = path.join(WORK, 'repo');
const arg = (name, dflt) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : dflt);
const names = readFileSync(arg('--list', path.join(HERE, 'fp-npm.txt')), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'))
  .slice(0, Number(arg('--limit', '100000')));

mkdirSync(TGZ, { recursive: true });
const manifestFile = path.join(WORK, 'manifest.json');
const manifest = existsSync(manifestFile) ? JSON.parse(readFileSync(manifestFile, 'utf8')) : {};
const pack = (batch) =>
  execFileSync('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', TGZ, ...batch], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  })
    .trim()
    .split('\n');
const todo = names.filter((n) => !manifest[n] || !existsSync(path.join(TGZ, manifest[n])));
for (let i = 0; i < todo.length; i += 10) {
  const batch = todo.slice(i, i + 10);
  try {
    pack(batch).forEach((f, j) => (manifest[batch[j]] = f));
  } catch {
    for (const n of batch) {
      try {
        manifest[n] = pack([n])[0];
      } catch {
        process.stderr.write(`npm pack failed: ${n}\n`);
      }
    }
  }
}
writeFileSync(manifestFile, JSON.stringify(manifest, null, 1));

rmSync(REPO, { recursive: true, force: true });
mkdirSync(REPO, { recursive: true });
const git = (...a) => execFileSync('git', a, { cwd: REPO, env: GIT_ENV, stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1 << 26 });
git('init', '-q', '-b', 'main');
for (const n of names) {
  if (!manifest[n]) continue;
  const dir = path.join(REPO, manifest[n].replace(/\.tgz$/, ''));
  mkdirSync(dir, { recursive: true });
  execFileSync('tar', ['xzf', path.join(TGZ, manifest[n]), '-C', dir, '--strip-components=1', '--no-same-owner'], { stdio: 'ignore' });
}
git('add', '-f', '--', '.');

const out = path.join(WORK, 'findings.json');
try {
  execFileSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'check', '--format', 'json', '-o', out], { cwd: REPO, stdio: 'ignore' });
} catch {
  // exit 1: findings; the document is written either way
}
const doc = JSON.parse(readFileSync(out, 'utf8'));
if (doc.error) throw new Error(JSON.stringify(doc.error));
const count = (key) => doc.findings.reduce((m, f) => m.set(key(f), (m.get(key(f)) ?? 0) + 1), new Map());
const packages = readdirSync(REPO).filter((d) => d !== '.git').length;
console.log(
  `${packages} packages, ${doc.stats.filesScanned} files, ${doc.stats.linesScanned} lines scanned: ${doc.findings.length} findings`,
);
for (const [rule, n] of [...count((f) => f.ruleId)].sort((a, b) => b[1] - a[1])) console.log(`  ${rule.padEnd(34)} ${n}`);
console.log('by package:');
for (const [pkg, n] of [...count((f) => f.file.split('/')[0])].sort((a, b) => b[1] - a[1])) console.log(`  ${pkg.padEnd(50)} ${n}`);
console.log(`details: ${out}`);
