/**
 * The code a worker thread runs to evaluate a JavaScript config (kept as plain JavaScript text
 * so that it runs the same from the bundle, from the library and under the test transformer).
 *
 * It evaluates `workerData.text` (the staged text) and posts back one message:
 * - `{ ok: true, value }`: the export, converted to plain data (objects, arrays, strings,
 *   numbers, booleans, null), so it crosses the thread boundary as a structured clone;
 * - `{ ok: false, problems }`: values that are not plain data (a function, a RegExp object, a
 *   Date, a class instance, a cycle), each with its place in the config;
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

const HINT = 'a JavaScript config must export plain data: objects, arrays, strings, numbers, booleans';
function toPlain(v, at, problems, seen) {
  if (v === null || v === undefined || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'function') {
    problems.push({ at, message: 'is a function, which cannot be used in a config', hint: HINT });
    return undefined;
  }
  if (typeof v !== 'object') {
    problems.push({ at, message: 'is a ' + typeof v + ', which cannot be used in a config', hint: HINT });
    return undefined;
  }
  if (seen.has(v)) {
    problems.push({ at, message: 'refers back to itself (a cycle)', hint: HINT });
    return undefined;
  }
  if (v instanceof RegExp) {
    problems.push({ at, message: 'is a RegExp object', hint: 'write the pattern as a string, e.g. "^test_[a-z]+$" (backslashes doubled inside quotes)' });
    return undefined;
  }
  seen.add(v);
  try {
    if (Array.isArray(v)) return v.map((x, i) => toPlain(x, at + '[' + i + ']', problems, seen));
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) {
      const name = (proto && proto.constructor && proto.constructor.name) || 'object';
      problems.push({ at, message: 'is a ' + name + ', not plain data', hint: HINT });
      return undefined;
    }
    const out = {};
    for (const k of Object.keys(v)) {
      const x = toPlain(v[k], at === '(root)' ? k : at + '.' + k, problems, seen);
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
  const problems = [];
  const plain = toPlain(value, '(root)', problems, new Set());
  parentPort.postMessage(problems.length > 0 ? { ok: false, problems } : { ok: true, value: plain });
}).catch(failed).finally(() => clearInterval(keepAlive));
`;
