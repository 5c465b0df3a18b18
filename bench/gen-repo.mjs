// Builds the synthetic repository and the staged states the benchmark measures.
// The base repository is made with `git fast-import` (fast, packed) and cached under bench/.work/.
// Each scenario is its own index file (GIT_INDEX_FILE), so scenarios never disturb each other,
// plus a folder holding the staged files' content for tools that scan files on disk (secretlint).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import * as path from 'node:path';

export const GIT_ENV = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'bench',
  GIT_AUTHOR_EMAIL: 'bench@example.com',
  GIT_COMMITTER_NAME: 'bench',
  GIT_COMMITTER_EMAIL: 'bench@example.com',
};

/** Path of tracked file number i: nested folders, ~100 files per leaf folder. */
export function filePath(i) {
  return `src/m${i % 20}/p${Math.floor(i / 20) % 50}/f${i}.ts`;
}

/** Content of tracked file number i at history generation g. */
export function fileContent(i, g = 0) {
  return (
    `// module ${i} (generation ${g})\n` +
    `import { helper${i % 97} } from '../../shared/h${i % 97}';\n` +
    `export function run${i}(input: string): number {\n` +
    `  const value = helper${i % 97}(input) + ${i * 7 + g};\n` +
    `  return value > ${i} ? value : ${i % 13};\n` +
    `}\n`
  );
}

/** Lines of ordinary code: what most commits add. Deterministic, nothing secret-shaped. */
export function codeLine(n) {
  const words = ['value', 'result', 'config', 'handler', 'request', 'buffer', 'index', 'count', 'items', 'options'];
  const w = words[n % words.length];
  const v = words[(n * 7) % words.length];
  return `  const ${w}${n} = compute(${v}, ${n % 1000}, "item-${(n * 2654435761) % 100000}"); // step ${n}`;
}

function git(repo, args, opts = {}) {
  return execFileSync('git', args, { cwd: repo, env: { ...GIT_ENV, ...opts.env }, input: opts.input, maxBuffer: 1 << 30 });
}

function fastImport(repo, files, generations) {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['fast-import', '--quiet'], { cwd: repo, env: GIT_ENV, stdio: ['pipe', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`git fast-import exited with ${code}`))));
    const out = child.stdin;
    const chunks = [];
    let size = 0;
    const write = (s) => {
      chunks.push(s);
      size += s.length;
      if (size > 1 << 20) flush();
    };
    const flush = () => {
      out.write(chunks.join(''));
      chunks.length = 0;
      size = 0;
    };
    let t = 1700000000;
    for (let g = 0; g < generations; g++) {
      const touched = g === 0 ? files : Math.min(2000, files);
      write(`commit refs/heads/main\ncommitter bench <bench@example.com> ${t++} +0000\ndata 12\ngeneration ${g}\n`);
      for (let k = 0; k < touched; k++) {
        const i = g === 0 ? k : (k * 49 + g * 7) % files;
        const c = fileContent(i, g);
        write(`M 100644 inline ${filePath(i)}\ndata ${Buffer.byteLength(c)}\n${c}\n`);
      }
    }
    flush();
    out.end();
  });
}

/** The cached base repository: `files` tracked files, a few commits of history, fully packed. */
export async function ensureBaseRepo(work, files) {
  const repo = path.join(work, `repo-${files}`);
  const done = path.join(repo, '.bench-ready');
  if (existsSync(done)) return repo;
  rmSync(repo, { recursive: true, force: true });
  mkdirSync(repo, { recursive: true });
  git(repo, ['init', '-q', '-b', 'main']);
  await fastImport(repo, files, 4);
  git(repo, ['repack', '-a', '-d', '-q']);
  git(repo, ['read-tree', 'HEAD']);
  writeFileSync(done, new Date().toISOString());
  return repo;
}

/**
 * One staged state: a copy of the base index updated with the given files' content.
 * Returns the index file, the folder holding the staged files (for secretlint) and the
 * number of bytes the commit adds.
 */
export function makeScenario(work, repo, name, files) {
  const dir = path.join(work, `scenario-${path.basename(repo)}-${name}`);
  const index = path.join(dir, 'index');
  const tree = path.join(dir, 'files');
  const ready = path.join(dir, '.ready');
  let added = 0;
  let largest = 0;
  for (const f of files) {
    added += f.added;
    largest = Math.max(largest, Buffer.byteLength(f.content));
  }
  if (existsSync(ready)) return { name, index, tree, files: files.length, addedBytes: added, largestBytes: largest };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(tree, { recursive: true });
  for (const f of files) {
    const p = path.join(tree, f.path);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, f.content);
  }
  copyFileSync(path.join(repo, '.git', 'index'), index);
  const oids = git(repo, ['hash-object', '-w', '--stdin-paths'], { input: files.map((f) => path.join(tree, f.path)).join('\n') + '\n' })
    .toString()
    .trim()
    .split('\n');
  const info = files.map((f, k) => `100644 ${oids[k]}\t${f.path}`).join('\n') + '\n';
  git(repo, ['update-index', '--index-info'], { input: info, env: { GIT_INDEX_FILE: index } });
  writeFileSync(ready, '');
  return { name, index, tree, files: files.length, addedBytes: added, largestBytes: largest };
}

/** A modified tracked file: its current content plus `n` new lines of code. */
export function modified(i, n, seed) {
  const extra = Array.from({ length: n }, (_, k) => codeLine(seed + k)).join('\n') + '\n';
  return { path: filePath(i), content: fileContent(i, 0) + extra, added: Buffer.byteLength(extra) };
}

/** A new text file of about `bytes` bytes, in lines of code. */
export function bigText(p, bytes) {
  const parts = [];
  let size = 0;
  for (let n = 0; size < bytes; n++) {
    const l = codeLine(n) + '\n';
    parts.push(l);
    size += l.length;
  }
  const content = parts.join('');
  return { path: p, content, added: Buffer.byteLength(content) };
}

/** A new minified file: one line of `bytes` bytes. */
export function minified(p, bytes) {
  const parts = [];
  let size = 0;
  for (let n = 0; size < bytes; n++) {
    const s = `function f${n}(a,b){return a.v${n % 100}+b*${n % 997}||"k${(n * 40503) % 65536}"};`;
    parts.push(s);
    size += s.length;
  }
  const content = parts.join('') + '\n';
  return { path: p, content, added: Buffer.byteLength(content) - 1 };
}

/** A new one-line file (the 20,000-new-files commit of issue 11). */
export function newSmall(i) {
  const content = `export const v${i} = ${i};\n`;
  return { path: `new/d${i % 200}/n${i}.ts`, content, added: Buffer.byteLength(content) };
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Deterministic characters of `a`, alphanumerics by default (a key-shaped value built at run time, never written in the repository). */
export function alnum(n, seed, a = ALNUM) {
  let x = seed >>> 0 || 1;
  let s = '';
  for (let k = 0; k < n; k++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    s += a[(x >>> 0) % a.length];
  }
  return s;
}

/** A tracked file with one added line holding an Alibaba AccessKey id: a commit ak-hook blocks. */
export function withFinding(i) {
  const extra = `const accessKeyId = "${'LT' + 'AI' + alnum(20, 4242)}";\n`;
  return { path: filePath(i), content: fileContent(i, 0) + extra, added: Buffer.byteLength(extra) };
}

/**
 * A new file of one `bytes`-long line dense with the words the keyword prefilter looks for
 * (task, disk, second, SECRET=, sk, password, aws, pass) and long identifier runs, like minified
 * code from a real bundle.
 */
export function keywordLine(p, bytes) {
  const parts = [];
  let size = 0;
  for (let n = 0; size < bytes; n++) {
    const s =
      `task${n % 50}.disk=second(a,"section-${n % 977}");` +
      `SECRET=cfg.aws_mask${n % 31}||sk;pass=opt.password_${n % 7}(x);` +
      (n % 20 === 0 ? `id_${alnum(36, n + 1)}=${n};` : '');
    parts.push(s);
    size += s.length;
  }
  const content = parts.join('') + '\n';
  return { path: p, content, added: Buffer.byteLength(content) - 1 };
}

/**
 * A small repository with `commits` commits of history (each changes three files, a few lines
 * each), packed: the `scan --history` scenario. Cached.
 */
export function ensureHistoryRepo(work, commits) {
  const repo = path.join(work, `history-${commits}`);
  const done = path.join(repo, '.bench-ready');
  if (existsSync(done)) return repo;
  rmSync(repo, { recursive: true, force: true });
  mkdirSync(repo, { recursive: true });
  git(repo, ['init', '-q', '-b', 'main']);
  const files = 300;
  const lines = [];
  let t = 1700000000;
  const content = new Map();
  for (let c = 0; c < commits; c++) {
    lines.push(`commit refs/heads/main\ncommitter bench <bench@example.com> ${t++} +0000\ndata 11\ncommit ${String(c).padStart(4, '0')}\n`);
    const touched = c === 0 ? Array.from({ length: files }, (_, k) => k) : [c % files, (c * 7) % files, (c * 13 + 5) % files];
    for (const i of touched) {
      const before = content.get(i) ?? fileContent(i, 0);
      const after = before + codeLine(c * 3 + i) + '\n' + codeLine(c * 5 + i + 1) + '\n';
      content.set(i, after);
      lines.push(`M 100644 inline ${filePath(i)}\ndata ${Buffer.byteLength(after)}\n${after}\n`);
    }
  }
  git(repo, ['fast-import', '--quiet'], { input: lines.join('') });
  git(repo, ['repack', '-a', '-d', '-q']);
  git(repo, ['reset', '-q', '--hard', 'main']);
  writeFileSync(done, new Date().toISOString());
  return repo;
}

/** Deterministic base64 characters (built at run time). */
const b64 = (n, seed) => alnum(n, seed, ALNUM + '+/');

/**
 * New files whose lines cost the detector more than their length, one shape each (found by
 * fuzzing; each was seconds to a minute before its fix): a 200 KB base64 run holding an encoded
 * `LTAI` (the encoded id's lookahead read 8,000 characters at every place), 4,000 `password=`
 * on one line and 3,000 `user:password@` URLs on one line (a line searched once per candidate),
 * and 200 lines of 7 KB dense with keywords of every kind (a keyword table rebuilt per new
 * keyword). None is a finding (a password that spells its name or repeats its user): what is
 * measured is the detector, not a finding's fingerprint (scrypt, ~8 ms each).
 */
export function pathological() {
  const files = [];
  const add = (p, content) => files.push({ path: p, content, added: Buffer.byteLength(content) });
  add('data/blob.b64', `KEY=${b64(100_000, 11)}xUqU${b64(100_000, 12)}\n`);
  add('conf/flags.ini', Array.from({ length: 4000 }, (_, k) => `password=password${k};`).join('') + '\n');
  add('docs/urls.txt', Array.from({ length: 3000 }, (_, k) => `mysql://u${k}:u${k}@db${k}.corp.local/x UID=u${k}; `).join('') + '\n');
  const words = [
    'aws',
    'secret',
    'password',
    'token',
    'apikey',
    'access_key',
    'private_key',
    'client_secret',
    'AKID',
    'sk',
    'pwd',
    'passwd',
    'credential',
    'auth',
    'bearer',
    'tencent',
    'huawei',
    'aliyun',
    'oss',
    'sts',
  ];
  const line = (n) =>
    'aws '.repeat(600) +
    words
      .map((w, k) => `${w}${(n + k) % 10}          `)
      .join('')
      .repeat(12);
  add('web/dense.js', Array.from({ length: 200 }, (_, n) => line(n)).join('\n') + '\n');
  return files;
}
