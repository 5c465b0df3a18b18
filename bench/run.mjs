// npm run bench [-- --quick]   (or BENCH_QUICK=1)
// Builds (and caches) synthetic repositories under bench/.work/, stages the scenarios of issue 5,
// and reports ak-hook's median time as a ratio to baselines measured in the same run:
// the native floor (node -e 0 + git diff --cached -U0), git-secrets --pre_commit_hook and
// secretlint on the same staged files (each when installed), plus MB/s and peak memory.
import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GIT_ENV, bigText, ensureBaseRepo, makeScenario, minified, modified } from './gen-repo.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const WORK = path.join(HERE, '.work');
const CLI = path.join(ROOT, 'dist/cli.js');
const PRE = path.join(ROOT, 'dist/pre-commit.sh');
const QUICK = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
const SIZES = QUICK
  ? { files: 10_000, many: 200, big: 5 << 20, min: 1 << 20, runs: 5 }
  : { files: 100_000, many: 1000, big: 50 << 20, min: 5 << 20, runs: 7 };

mkdirSync(WORK, { recursive: true });
if (!existsSync(CLI)) execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { stdio: 'inherit' });

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Runs a command `runs` times; returns the median wall time (ms) and the median peak RSS (MB) of 3 more runs. */
function measure(cmd, args, { cwd, env, runs = SIZES.runs, expect = [0] }) {
  const times = [];
  let last;
  for (let i = 0; i < runs + 1; i++) {
    const t0 = process.hrtime.bigint();
    last = spawnSync(cmd, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (!expect.includes(last.status))
      throw new Error(`${cmd} ${args.join(' ')} exited ${last.status}: ${String(last.stderr).slice(0, 500)}`);
    if (i > 0) times.push(ms); // the first run warms the page cache
  }
  let rssMb = null;
  if (existsSync('/usr/bin/time')) {
    const peaks = [];
    for (let i = 0; i < 3; i++) {
      const r = spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...args], { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
      const kb = Number(String(r.stderr).trim().split('\n').pop());
      if (Number.isFinite(kb)) peaks.push(kb / 1024);
    }
    if (peaks.length > 0) rssMb = median(peaks);
  }
  return { ms: median(times), rssMb };
}

function findSecretlint() {
  const local = path.join(WORK, 'tools/node_modules/.bin/secretlint');
  if (existsSync(local)) return local;
  if (process.env.BENCH_NO_INSTALL === '1') return null;
  // Not a devDependency (24 MB for a baseline nobody else needs): installed here on first use.
  const tools = path.join(WORK, 'tools');
  mkdirSync(tools, { recursive: true });
  if (!existsSync(path.join(tools, 'package.json'))) writeFileSync(path.join(tools, 'package.json'), '{ "private": true }\n');
  const r = spawnSync('npm', ['i', '--no-audit', '--no-fund', 'secretlint@12', '@secretlint/secretlint-rule-preset-recommend@12'], {
    cwd: tools,
    stdio: 'ignore',
    timeout: 180_000,
  });
  return r.status === 0 && existsSync(local) ? local : null;
}

function hasGitSecrets() {
  return spawnSync('sh', ['-c', 'command -v git-secrets'], { stdio: 'ignore' }).status === 0;
}

const secretlint = findSecretlint();
const gitSecrets = hasGitSecrets();
if (secretlint)
  writeFileSync(path.join(WORK, '.secretlintrc.json'), '{ "rules": [{ "id": "@secretlint/secretlint-rule-preset-recommend" }] }\n');

const t0 = Date.now();
const repo = await ensureBaseRepo(WORK, SIZES.files);
if (gitSecrets) execFileSync('git', ['secrets', '--register-aws'], { cwd: repo, env: GIT_ENV, stdio: 'ignore' });
const manyIdx = Array.from({ length: SIZES.many }, (_, k) => (k * 97 + 13) % SIZES.files);
const scenarios = [
  makeScenario(WORK, repo, '1-file', [modified(4242 % SIZES.files, 3, 1)]),
  makeScenario(
    WORK,
    repo,
    `${SIZES.many}-files`,
    manyIdx.map((i, k) => modified(i, 10, k * 10)),
  ),
  makeScenario(WORK, repo, `${SIZES.big >> 20}MB-text`, [bigText('data/big.txt', SIZES.big)]),
  makeScenario(WORK, repo, `${SIZES.min >> 20}MB-one-line`, [minified('web/app.min.js', SIZES.min)]),
];
const setupS = ((Date.now() - t0) / 1000).toFixed(1);

const rows = [];
for (const s of scenarios) {
  const env = { ...GIT_ENV, GIT_INDEX_FILE: s.index };
  const opts = { cwd: repo, env };
  const big = s.addedBytes > 1 << 20;
  const runs = big ? 5 : SIZES.runs;
  const nodeFloor = measure(process.execPath, ['-e', '0'], { ...opts, runs });
  const gitDiff = measure('git', ['diff', '--cached', '-U0'], { ...opts, runs });
  const ak = measure(process.execPath, [CLI, 'check'], { ...opts, runs });
  const pre = existsSync(PRE) ? measure('sh', [PRE], { ...opts, runs }) : null;
  const gs = gitSecrets ? measure('git', ['secrets', '--pre_commit_hook'], { ...opts, runs, expect: [0, 1] }) : null;
  const sl = secretlint
    ? measure(secretlint, ['--secretlintrc', path.join(WORK, '.secretlintrc.json'), '**/*'], {
        cwd: s.tree,
        env: process.env,
        runs: s.files > 100 || big ? 3 : runs,
        expect: [0, 1],
      })
    : null;
  const floor = nodeFloor.ms + gitDiff.ms;
  rows.push({ s, floor, nodeFloor, gitDiff, ak, pre, gs, sl });
  console.error(`measured ${s.name}`);
}

const f0 = (x) => (x == null ? '–' : x.toFixed(0));
const f2 = (x) => (x == null ? '–' : x.toFixed(2));
const mb = (b) => (b / (1 << 20)).toFixed(2);
const lines = [
  `| scenario | added | floor ms (node -e 0 + git diff) | ak-hook ms | ÷ floor | ak-hook-pre-commit ms | ÷ floor | git-secrets ms | ak-hook ÷ git-secrets | pre-commit ÷ git-secrets | secretlint ms | secretlint ÷ ak-hook | MB/s added | peak RSS MB (ak-hook) | largest staged file MB |`,
  `|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|`,
];
for (const r of rows) {
  lines.push(
    `| ${r.s.name} | ${mb(r.s.addedBytes)} MB in ${r.s.files} file(s) | ${f0(r.nodeFloor.ms)} + ${f0(r.gitDiff.ms)} = ${f0(r.floor)} | ${f0(r.ak.ms)} | ${f2(r.ak.ms / r.floor)} | ${f0(r.pre?.ms)} | ${f2(r.pre ? r.pre.ms / r.floor : null)} | ${f0(r.gs?.ms)} | ${f2(r.gs ? r.ak.ms / r.gs.ms : null)} | ${f2(r.gs && r.pre ? r.pre.ms / r.gs.ms : null)} | ${f0(r.sl?.ms)} | ${f2(r.sl ? r.sl.ms / r.ak.ms : null)} | ${(r.s.addedBytes / (1 << 20) / (r.ak.ms / 1000)).toFixed(1)} | ${f0(r.ak.rssMb)} | ${mb(r.s.largestBytes)} |`,
  );
}
const head = [
  `# ak-hook benchmark${QUICK ? ' (quick mode)' : ''}`,
  '',
  `Run ${new Date().toISOString()} on ${process.platform} ${process.arch}, Node ${process.version}, ${execFileSync('git', ['--version']).toString().trim()}; ` +
    `repository of ${SIZES.files.toLocaleString('en')} tracked files in nested folders, 4 commits, packed (set-up ${setupS} s, cached under bench/.work/). ` +
    `Medians of ${SIZES.runs} runs (5 for the large files, 3 for secretlint on many files) after one warm-up run. ` +
    `"ak-hook" is \`node dist/cli.js check\`; "ak-hook-pre-commit" is \`dist/pre-commit.sh\` (the hook entry with the shell prefilter). ` +
    `Peak RSS is the median of 3 runs of the largest process's maximum resident set (\`/usr/bin/time -f %M\`).`,
  '',
  `secretlint: ${secretlint ? '12 with preset-recommend, on the same files on disk' : 'not installed (skipped)'}; git-secrets: ${gitSecrets ? '`git secrets --pre_commit_hook` with --register-aws patterns' : 'not installed (skipped)'}.`,
  '',
];
// The issue's targets, judged on this run.

const one = rows[0];
const many = rows[1];
const big = rows[2];
const verdict = (ok) => (ok ? 'met' : '**missed**');
const targets = [
  `- 1-file commit within 1.3× the native floor: ${f2(one.ak.ms / one.floor)}× — ${verdict(one.ak.ms / one.floor <= 1.3)}.`,
  ...rows
    .filter((r) => r.gs && r.pre)
    .map(
      (r) =>
        `- clean commit (${r.s.name}) no slower than git-secrets, through \`ak-hook-pre-commit\`: ${f2(r.pre.ms / r.gs.ms)}× — ${verdict(r.pre.ms <= r.gs.ms)}; plain \`ak-hook check\`: ${f2(r.ak.ms / r.gs.ms)}×.`,
    ),
  many.sl
    ? `- ≥ 20× faster than secretlint on the ${many.s.name} commit: ${f2(many.sl.ms / many.ak.ms)}× — ${verdict(many.sl.ms / many.ak.ms >= 20)}.`
    : '- secretlint not installed: the 20× target was not measured.',
  `- ≥ 100 MB/s of added text (${big.s.name}): ${(big.s.addedBytes / (1 << 20) / (big.ak.ms / 1000)).toFixed(1)} MB/s for the whole run — ${verdict(big.s.addedBytes / (1 << 20) / (big.ak.ms / 1000) >= 100)}; git's own \`diff --cached -U0\` alone runs at ${(big.s.addedBytes / (1 << 20) / (big.gitDiff.ms / 1000)).toFixed(1)} MB/s, and ak-hook's time above the floor is ${f0(big.ak.ms - big.floor)} ms (${(big.s.addedBytes / (1 << 20) / (Math.max(1, big.ak.ms - big.floor) / 1000)).toFixed(0)} MB/s).`,
  ...rows.map((r) => {
    const limit = (2 * r.s.largestBytes) / (1 << 20) + 60;
    return `- peak memory (${r.s.name}) under 2 × largest staged file + 60 MB = ${limit.toFixed(0)} MB: ${f0(r.ak.rssMb)} MB — ${verdict(r.ak.rssMb == null || r.ak.rssMb <= limit)}.`;
  }),
];

const out = [
  ...head,
  ...lines,
  '',
  '## Targets (issue 5), judged on this run',
  '',
  ...targets,
  '',
  'See bench/README.md for how to read this and why a target is missed.',
  '',
].join('\n');
console.log(out);
// Only a full run is the record; a quick run's table stays in the (ignored) work folder.
const resultsFile = QUICK ? path.join(WORK, 'RESULTS-quick.md') : path.join(HERE, 'RESULTS.md');
writeFileSync(resultsFile, out);
// Keep the committed record in the repository's format (prettier aligns the table).
spawnSync(path.join(ROOT, 'node_modules/.bin/prettier'), ['--write', resultsFile], { stdio: 'ignore' });
