import Module from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Evaluates a JavaScript config (`ak-hook.config.{js,cjs,mjs}`) and returns what it exports.
 * The text evaluated is the one the commit will contain (the staged text when the file is
 * staged), not necessarily the file on disk:
 * - CommonJS is compiled from that text under the file's real name, so `require('./x')` works;
 * - ES modules are imported from the file itself when the staged text equals the disk text,
 *   else from a `data:` URL of the staged text (then relative imports cannot resolve: a
 *   documented limitation; stage the files it imports or use a JSON/YAML config).
 */
export async function evalJsConfig(text: string, abs: string, disk: string, esm: boolean): Promise<unknown> {
  if (!esm) {
    const m = new Module(abs) as Module & { _compile(code: string, file: string): void; paths: string[] };
    m.filename = abs;
    m.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(abs));
    m._compile(text, abs);
    const e = m.exports as { __esModule?: boolean; default?: unknown };
    return e && e.__esModule && 'default' in e ? e.default : e;
  }
  const url = text === disk ? pathToFileURL(abs).href : `data:text/javascript;base64,${Buffer.from(text, 'utf8').toString('base64')}`;
  const ns = (await import(url)) as { default?: unknown };
  return ns.default ?? ns;
}
