// npm run eval [-- --rounds N]: prints precision, recall and F1 of the catalogue on the labelled
// corpus (test/corpus), overall and per rule. Exit code 1 when the targets are missed.
import path from 'node:path';
import { loadTs, ROOT } from './run-ts.mjs';

const { main } = loadTs('test/corpus/cli.ts', { __CORPUS_DIR__: JSON.stringify(path.join(ROOT, 'test/corpus/files')) });
const i = process.argv.indexOf('--rounds');
process.exitCode = main(i > 0 ? Number(process.argv[i + 1]) : 20);
