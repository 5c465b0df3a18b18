import { readFileSync } from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';

/**
 * perf: loads the bundle (dist/index.js) as CommonJS with V8's code cache made at build time
 * (dist/index.cache), so a hook run does not compile ~0.5 MB of JavaScript again on every
 * commit (Node 20 has no compile cache of its own; Node ≥ 22.1 uses `enableCompileCache`
 * instead and never comes here). The cache is used only when its header names this exact
 * source and cache (CRC-32 and length) and this Node and V8; otherwise, or when it is missing, the bundle is
 * compiled as `require` would. Nothing is ever written at run time.
 */
export function loadBundle(file: string, cacheFile: string): { exports: unknown; script: vm.Script } {
  const bytes = readFileSync(file);
  const source = bytes.toString('utf8');
  let cachedData: Buffer | undefined;
  try {
    const cache = readFileSync(cacheFile);
    const nl = cache.indexOf(0x0a);
    const body = cache.subarray(nl + 1);
    if (nl > 0 && cache.toString('latin1', 0, nl) === cacheHeader(bytes, body)) cachedData = body;
  } catch {
    /* no cache: compile */
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const m = new Module(file, module);
  m.filename = file;
  m.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(file));
  (Module as unknown as { _cache: Record<string, Module> })._cache[file] = m;
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(m.exports, m.exports, Module.createRequire(file), m, file, path.dirname(file));
  m.loaded = true;
  return { exports: m.exports, script };
}

/**
 * The first line of a code cache: what source, Node and V8 it was made for, and the CRC-32 and
 * length of the source and of the cache itself (V8 does not check its data: a damaged cache can
 * crash the process). perf: CRC-32 (zlib's, ~0.1 ms for both files), not SHA-256 (~3 ms and
 * node:crypto loaded on every start): what it guards against is a damaged or stale file, not a
 * forger (who could rewrite the bundle itself). Without `zlib.crc32` (Node < 20.15) no header
 * matches, and the bundle is compiled.
 */
export function cacheHeader(source: Buffer, cache: Buffer): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { crc32 } = require('node:zlib') as { crc32?: (data: Buffer) => number };
  if (typeof crc32 !== 'function') return 'ak-hook-code-cache unusable';
  const sum = (b: Buffer) => `crc32-${crc32(b).toString(16).padStart(8, '0')}-${b.length}`;
  return `ak-hook-code-cache-2 ${sum(source)} ${sum(cache)} node-${process.version} v8-${process.versions.v8}`;
}
