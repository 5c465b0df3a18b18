/**
 * The code a worker thread runs to evaluate a JavaScript config (kept as plain JavaScript text
 * so that it runs the same from the bundle, from the library and under the test transformer).
 *
 * It evaluates `workerData.text` (the staged text) and posts back one message:
 * - `{ ok: true, value }`: the export, converted to plain data (objects, arrays, strings,
 *   numbers, booleans, null), so it crosses the thread boundary as a structured clone;
 * - `{ ok: false, notData }`: values that are not plain data (a function, a RegExp object, a
 *   Date, a class instance, a cycle), each with its place in the config and its kind;
 * - `{ ok: false, error: { name, message } }`: the config threw (or its promise rejected).
 * CommonJS is compiled from the text under the file's real name, so `require('./x')` works.
 * ES modules are imported from the file itself when the staged text equals the disk text,
 * else from a `data:` URL of the staged text (relative imports cannot resolve then).
 */
export const EVAL_WORKER_SOURCE = String.raw`
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const Module = require('node:module');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

async function evaluate({ text, abs, disk, esm }) {
  if (!esm) {
    const m = new Module(abs);
    m.filename = abs;
    m.paths = Module._nodeModulePaths(path.dirname(abs));
    m._compile(text, abs);
    const e = m.exports;
    return e && e.__esModule && 'default' in e ? e.default : e;
  }
  const url = text === disk ? pathToFileURL(abs).href : 'data:text/javascript;base64,' + Buffer.from(text, 'utf8').toString('base64');
  const ns = await import(url);
  return ns.default !== undefined ? ns.default : ns;
}

// Values that are not plain data are reported by kind (the words are in config/messages.ts).
function toPlain(v, at, notData, seen) {
  if (v === null || v === undefined || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v !== 'object') {
    notData.push({ at, what: typeof v });
    return undefined;
  }
  if (seen.has(v)) {
    notData.push({ at, what: 'cycle' });
    return undefined;
  }
  if (v instanceof RegExp) {
    notData.push({ at, what: 'RegExp' });
    return undefined;
  }
  seen.add(v);
  try {
    if (Array.isArray(v)) return v.map((x, i) => toPlain(x, at + '[' + i + ']', notData, seen));
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) {
      notData.push({ at, what: (proto && proto.constructor && proto.constructor.name) || 'Object' });
      return undefined;
    }
    const out = {};
    for (const k of Object.keys(v)) {
      const x = toPlain(v[k], at === '(root)' ? k : at + '.' + k, notData, seen);
      if (x !== undefined) out[k] = x;
    }
    return out;
  } finally {
    seen.delete(v);
  }
}

function failed(e) {
  const name = e && typeof e === 'object' && typeof e.name === 'string' ? e.name : 'Error';
  const message = e && typeof e === 'object' && typeof e.message === 'string' ? e.message : 'a ' + typeof e + ' was thrown (not an Error)';
  parentPort.postMessage({ ok: false, error: { name, message } });
}

// A promise that never settles would otherwise let the thread end quietly: keep it alive until
// the config settles, so that case ends in the time limit with the right reason.
const keepAlive = setInterval(() => {}, 1 << 30);
evaluate(workerData).then((value) => {
  const notData = [];
  const plain = toPlain(value, '(root)', notData, new Set());
  parentPort.postMessage(notData.length > 0 ? { ok: false, notData } : { ok: true, value: plain });
}).catch(failed).finally(() => clearInterval(keepAlive));
`;
