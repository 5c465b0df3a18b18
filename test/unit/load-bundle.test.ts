/**
 * The bin on Node < 22.1 loads dist/index.js with the code cache the build made
 * (src/cli/load-bundle.ts): used only when made from this very bundle by this Node; a cache
 * from anything else, or damaged since, is never handed to V8 (V8 does not check it). Each way
 * the bundle works.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { cacheHeader, loadBundle } from '../../src/cli/load-bundle';
import { PROJECT, tmpDir } from '../helpers/repo';

const DIST = path.join(PROJECT, 'dist');
const onOldNode = !(require('node:module') as { enableCompileCache?: unknown }).enableCompileCache;

/** A copy of the bundle in a folder of its own (its lazy parts beside it), with the given cache. */
function copy(cache: Buffer | null): { file: string; cacheFile: string } {
  const dir = tmpDir('akh-bundle-');
  for (const f of ['index.js', 'yaml.js', 're2.js', 'schema-check.js']) copyFileSync(path.join(DIST, f), path.join(dir, f));
  const cacheFile = path.join(dir, 'index.cache');
  if (cache) writeFileSync(cacheFile, cache);
  return { file: path.join(dir, 'index.js'), cacheFile };
}

const works = (exports: unknown) => expect(typeof (exports as { run?: unknown }).run).toBe('function');

(onOldNode ? describe : describe.skip)('loadBundle', () => {
  const built = readFileSync(path.join(DIST, 'index.cache'));
  const nl = built.indexOf(0x0a);

  test('the build made a cache for this bundle and this Node, and V8 takes it', () => {
    expect(built.toString('latin1', 0, nl)).toBe(cacheHeader(readFileSync(path.join(DIST, 'index.js')), built.subarray(nl + 1)));
    const { file, cacheFile } = copy(built);
    const { exports, script } = loadBundle(file, cacheFile);
    expect(script.cachedDataRejected).toBe(false);
    works(exports);
  });

  test('a cache made for other source, or damaged, is not used; none at all: compiled', () => {
    const other = copy(
      Buffer.concat([Buffer.from(cacheHeader(Buffer.from('other source'), built.subarray(nl + 1)) + '\n'), built.subarray(nl + 1)]),
    );
    const a = loadBundle(other.file, other.cacheFile);
    expect(a.script.cachedDataRejected).toBeUndefined();
    works(a.exports);
    const body = Buffer.from(built.subarray(nl + 1));
    for (let i = 64; i < body.length; i += 97) body[i] ^= 0xff;
    // Damaged after it was made (V8 would run it, and crash): never handed to V8.
    const damaged = copy(Buffer.concat([built.subarray(0, nl + 1), body]));
    const b = loadBundle(damaged.file, damaged.cacheFile);
    expect(b.script.cachedDataRejected).toBeUndefined();
    works(b.exports);
    // The bundle edited in place to the same length (V8 checks only the source's length).
    const edited = copy(built);
    const src = readFileSync(edited.file, 'latin1');
    const at = src.indexOf('ak-hook: ');
    expect(at).toBeGreaterThan(0);
    writeFileSync(edited.file, src.slice(0, at) + 'ak-hoox: ' + src.slice(at + 9), 'latin1');
    const c = loadBundle(edited.file, edited.cacheFile);
    expect(c.script.cachedDataRejected).toBeUndefined();
    works(c.exports);
    const none = copy(null);
    expect(existsSync(none.cacheFile)).toBe(false);
    works(loadBundle(none.file, none.cacheFile).exports);
  });
});
