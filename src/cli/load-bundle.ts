import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';

/**
 * perf: loads the bundle (dist/index.js) as CommonJS with V8's code cache made at build time
 * (dist/index.cache), so a hook run does not compile ~0.5 MB of JavaScript again on every
 * commit (Node 20 has no compile cache of its own; Node ≥ 22.1 uses `enableCompileCache`
 * instead and never comes here). The cache is used only when its header names this exact
 * source and cache (SHA-256) and this Node and V8; otherwise, or when it is missing, the bundle is
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
 * The first line of a code cache: what source, Node and V8 it was made for, and the digest of
 * the cache itself (V8 does not check its data: a damaged cache can crash the process).
 */
export function cacheHeader(source: Buffer, cache: Buffer): string {
  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
  return `ak-hook-code-cache ${sha(source)} ${sha(cache)} node-${process.version} v8-${process.versions.v8}`;
}
