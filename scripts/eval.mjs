// npm run eval [-- --rounds N]: bundles the corpus scorer with esbuild and prints precision,
// recall and F1, overall and per rule. Exit code 1 when the targets are missed.
import { buildSync } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(path.join(tmpdir(), 'akh-eval-'));
const out = path.join(dir, 'eval.cjs');
try {
  buildSync({
    entryPoints: [path.join(root, 'test/corpus/cli.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile: out,
    external: ['iconv-lite'],
    define: { __CORPUS_DIR__: JSON.stringify(path.join(root, 'test/corpus/files')) },
    logLevel: 'error',
  });
  const i = process.argv.indexOf('--rounds');
  const rounds = i > 0 ? Number(process.argv[i + 1]) : 20;
  const { main } = createRequire(import.meta.url)(out);
  process.exitCode = main(rounds);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
