import { textError } from '../report/messages/text-error';
import type { ErrorTextArgs, ErrorTextId } from '../report/messages/types';
import { EVAL_WORKER_SOURCE } from './eval-worker';
import { parseErrorMessage } from './parse-error';
import { configInvalid } from './validate';
import { jsConfigText as T } from './messages';

/** How long a JavaScript config may take to load (a hook must never hang on one). */
export const JS_CONFIG_TIMEOUT_MS = 2000;

export interface JsConfigText {
  /** The name shown in messages (repository-relative, or as given to --config). */
  file: string;
  /** The text the commit will contain (the staged text when the file is staged). */
  text: string;
  abs: string;
  /** The file's text on disk (an ES module is imported from the file itself when they match). */
  disk: string;
  esm: boolean;
}

type Reply =
  | { ok: true; value: unknown }
  | { ok: false; notData: Array<{ at: string; what: string }> }
  | { ok: false; error: { name: string; message: string } };

const oneLine = (message: string): string => {
  const s = parseErrorMessage({ message });
  return s.length > 200 ? `${s.slice(0, 200)}…` : s;
};

/**
 * Evaluates a JavaScript config (CommonJS or ES module) in a worker thread with a time limit
 * and returns what it exports, as plain data. `process.exit()`, a throw, an endless loop or a
 * promise that never settles each end in E_CONFIG_PARSE naming the file; a value that is not
 * plain data (a function, a RegExp object…) in E_CONFIG_INVALID with its place. The worker is
 * always terminated before this settles. Isolation, not a sandbox: the config is code from the
 * repository and can still do what code can (read files, spawn processes).
 */
export function evalJsConfig(src: JsConfigText, timeoutMs = JS_CONFIG_TIMEOUT_MS): Promise<unknown> {
  return new Promise((resolve, reject) => {
    // perf: node:worker_threads is loaded only for a JavaScript config (~2 ms of start-up).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
    const worker = new Worker(EVAL_WORKER_SOURCE, {
      eval: true,
      workerData: { text: src.text, abs: src.abs, disk: src.disk, esm: src.esm },
      // What the config prints is dropped: it must not corrupt --format json output.
      stdout: true,
      stderr: true,
      resourceLimits: { maxOldGenerationSizeMb: 256 },
    });
    worker.stdout.resume();
    worker.stderr.resume();
    let settled = false;
    const finish = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.terminate().then(outcome, outcome);
    };
    const fail = (id: ErrorTextId, args: ErrorTextArgs): void =>
      finish(() => reject(textError('E_CONFIG_PARSE', id, { file: src.file, ...args }, { file: src.file })));
    const timer = setTimeout(() => fail('configTimeout', { seconds: String(timeoutMs / 1000) }), timeoutMs);
    worker.on('message', (r: Reply) => {
      if (r.ok) finish(() => resolve(r.value));
      else if ('notData' in r)
        finish(() =>
          reject(
            configInvalid(
              src.file,
              r.notData.map(({ at, what }) => ({ at, ...T.notData(what) })),
            ),
          ),
        );
      else if (r.error.name === 'SyntaxError') fail('configSyntax', { why: oneLine(r.error.message) });
      else fail('configThrew', { name: r.error.name, why: oneLine(r.error.message) });
    });
    worker.on('error', (e) => fail('configFailed', { why: oneLine(e.message) }));
    worker.on('exit', (code) => fail('configExited', { code: String(code) }));
  });
}
