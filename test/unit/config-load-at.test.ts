/**
 * loadConfigAt: the config as the commit applies it (index), as committed (HEAD) and as on disk,
 * read from a real repository through `git cat-file`.
 */
import { loadConfigAt } from '../../src/config/load';
import { BlobReader } from '../../src/git/cat-file';
import type { BlobSource } from '../../src/git/backend';
import { makeRepo } from '../helpers/repo';

describe('loadConfigAt', () => {
  test('index, HEAD and disk each read their own version; an unborn HEAD has none', async () => {
    const repo = makeRepo();
    const reader = new BlobReader(repo.dir, repo.env);
    const blobs = (): BlobSource => reader;
    try {
      repo.write('.akhookrc.json', '{ "exclude": ["a/**"] }\n');
      repo.git(['add', '.akhookrc.json']);
      expect(await loadConfigAt({ root: repo.dir, at: 'HEAD', blobs })).toEqual({ config: { allow: [] }, source: 'none' });
      repo.git(['commit', '-q', '--no-verify', '-m', 'init']);

      repo.write('.akhookrc.json', '{ "exclude": ["b/**"] }\n');
      repo.git(['add', '.akhookrc.json']);
      repo.write('.akhookrc.json', '{ "exclude": ["c/**"] }\n');
      const at = async (rev: 'index' | 'HEAD' | 'disk') => loadConfigAt({ root: repo.dir, at: rev, blobs });
      expect(await at('HEAD')).toEqual({ config: { allow: [], exclude: ['a/**'] }, source: 'HEAD', file: '.akhookrc.json' });
      expect(await at('index')).toEqual({ config: { allow: [], exclude: ['b/**'] }, source: 'index', file: '.akhookrc.json' });
      expect(await at('disk')).toEqual({ config: { allow: [], exclude: ['c/**'] }, source: 'disk', file: '.akhookrc.json' });

      // A JavaScript config at HEAD is evaluated from the committed text.
      repo.git(['rm', '-q', '-f', '--cached', '.akhookrc.json']);
      repo.write('ak-hook.config.mjs', 'export default { exclude: ["d/**"] };\n');
      repo.git(['add', 'ak-hook.config.mjs']);
      repo.git(['commit', '-q', '--no-verify', '-m', 'js']);
      repo.write('ak-hook.config.mjs', 'export default { exclude: ["e/**"] };\n');
      expect((await at('HEAD')).config.exclude).toEqual(['d/**']);
      expect((await at('disk')).config.exclude).toEqual(['c/**']); // .akhookrc.json is still on disk and comes first
    } finally {
      reader.close();
    }
  });
});
