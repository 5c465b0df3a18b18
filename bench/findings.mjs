// node bench/findings.mjs --record | --compare   (issue 11: detection results must not move)
// Lists every finding, as rule, file, line, column and fingerprint, on:
//   - test/corpus and test/corpus-blind, expanded with the seeded key generator (3 rounds), both
//     through the engine (what `npm run eval` scores) and through `ak-hook check` on the expanded
//     files staged in a scratch repository (the whole pipeline: diff reader, block pass, filters);
//   - the real-code repository of the bench (this project's node_modules staged as one commit);
// plus the full `npm run eval` report. --record saves the list under bench/.work/; --compare
// builds it again and exits 1 when anything differs (prints the difference).
import { createHash } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTs } from '../scripts/run-ts.mjs';
import { GIT_ENV } from './gen-repo.mjs';
import { ensureRealCodeRepo, realCodeSource } from './real-code.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const WORK = path.join(HERE, '.work');
const CLI = path.join(ROOT, 'dist/cli.js');
const SAVED = path.join(WORK, 'findings.recorded.txt');
const ROUNDS = 3;
const mode = process.argv.includes('--record') ? 'record' : 'compare';

mkdirSync(WORK, { recursive: true });
execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { stdio: 'ignore' });

const sets = { corpus: path.join(ROOT, 'test/corpus/files'), blind: path.join(ROOT, 'test/corpus-blind/files') };
const ev = loadTs('test/corpus/evaluate.ts', { __CORPUS_DIR__: JSON.stringify(sets.corpus), __BLIND_DIR__: JSON.stringify(sets.blind) });
const { KeyGen } = loadTs('test/helpers/keygen.ts');
const hash = (s) => createHash('sha256').update(s).digest('hex').slice(0, 16);
const listFiles = (dir) =>
  readdirSync(dir)
    .flatMap((f) => (statSync(path.join(dir, f)).isDirectory() ? listFiles(path.join(dir, f)) : [path.join(dir, f)]))
    .sort();

const out = [];
// Engine findings on the expanded corpora; the same files written into a scratch repository.
const corpusRepo = path.join(WORK, 'findings-corpus');
rmSync(corpusRepo, { recursive: true, force: true });
mkdirSync(corpusRepo, { recursive: true });
const git = (cwd, ...args) => execFileSync('git', args, { cwd, env: GIT_ENV, stdio: ['ignore', 'ignore', 'inherit'] });
git(corpusRepo, 'init', '-q', '-b', 'main');
git(corpusRepo, 'commit', '-q', '--allow-empty', '-m', 'empty');
for (const [set, dir] of Object.entries(sets)) {
  const gen = new KeyGen(20261129);
  for (let round = 0; round < ROUNDS; round++)
    for (const f of listFiles(dir)) {
      const rel = path.relative(dir, f);
      const x = ev.expandFile(rel, readFileSync(f, 'utf8'), gen);
      const name = `${set}/${round}/${rel}`;
      for (const fd of ev.scanExpanded(x)) out.push(['engine', name, fd.line, fd.column, fd.ruleId, hash(fd.secret)].join('\t'));
      mkdirSync(path.dirname(path.join(corpusRepo, name)), { recursive: true });
      writeFileSync(path.join(corpusRepo, name), x.lines.join('\n') + '\n');
    }
}
git(corpusRepo, 'add', '-f', '--', '.');

function checkFindings(label, repo) {
  const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'json'], { cwd: repo, env: GIT_ENV, maxBuffer: 1 << 28 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`check in ${repo} exited ${r.status}: ${String(r.stderr).slice(0, 500)}`);
  const doc = JSON.parse(String(r.stdout));
  const rows = [];
  for (const kind of ['findings', 'suppressed'])
    for (const f of doc[kind] ?? []) rows.push([label, kind, f.file, f.line, f.column, f.ruleId, f.fingerprint].join('\t'));
  rows.push([label, 'stats', JSON.stringify(doc.stats)].join('\t'));
  return rows;
}
out.push(...checkFindings('check-corpus', corpusRepo));
out.push(...checkFindings('check-real-code', ensureRealCodeRepo(WORK, realCodeSource(ROOT))));
const evalOut = spawnSync(process.execPath, [path.join(ROOT, 'scripts/eval.mjs')], { cwd: ROOT, encoding: 'utf8' }).stdout;
out.push(...evalOut.split('\n').map((l) => `eval\t${l}`));

const text = out.join('\n') + '\n';
const counts = ['engine', 'check-corpus', 'check-real-code'].map(
  (k) => `${k}: ${out.filter((l) => l.startsWith(`${k}\t`) && !l.includes('\tstats\t')).length}`,
);
if (mode === 'record') {
  writeFileSync(SAVED, text);
  console.log(`recorded ${out.length} lines in ${path.relative(ROOT, SAVED)} (${counts.join(', ')})`);
} else {
  if (!existsSync(SAVED)) throw new Error(`nothing recorded: run node bench/findings.mjs --record on the reference build first`);
  // Private keys are made by the real tools at run time (a new key each run): their rows are
  // compared without the secret's hash; the eval report's timings and the real-code folder's path are dropped.
  const norm = (l) =>
    l
      .replace(/^(engine\t.*\tprivate-key)\t[0-9a-f]+$/, '$1\t(generated)')
      .replace(/^(check-corpus\t(?:findings|suppressed)\t.*\tprivate-key)\t\S+$/, '$1\t(generated)')
      .replace(/ in \d+(?:\.\d+)? m?s\b/g, ' in (time)')
      // the real-code folder as the checkout names it (a worktree's node_modules is a link to main's)
      .replace(/^(eval\treal code \()[^,]*(node_modules, )/, '$1…/$2');
  const before = readFileSync(SAVED, 'utf8').split('\n').map(norm);
  const after = text.split('\n').map(norm);
  const a = new Set(before);
  const b = new Set(after);
  const gone = before.filter((l) => !b.has(l));
  const added = after.filter((l) => !a.has(l));
  if (gone.length + added.length === 0 && before.length === after.length) console.log(`identical (${counts.join(', ')})`);
  else {
    console.log(`DIFFERENT: ${gone.length} lines gone, ${added.length} new`);
    for (const l of gone.slice(0, 40)) console.log(`- ${l}`);
    for (const l of added.slice(0, 40)) console.log(`+ ${l}`);
    process.exitCode = 1;
  }
}
