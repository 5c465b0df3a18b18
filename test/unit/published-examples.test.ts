import { createHash } from 'node:crypto';
import { notPublishedExample, PUBLISHED_EXAMPLE_KEYS } from '../../src/detect/published-examples';
import { KeyGen } from '../helpers/keygen';

describe('published example keys', () => {
  test('are kept as SHA-256 digests only', () => {
    expect(PUBLISHED_EXAMPLE_KEYS.size).toBe(19);
    for (const d of PUBLISHED_EXAMPLE_KEYS) expect(d).toMatch(/^[0-9a-f]{64}$/);
  });
  test('a generated key is not one of them; a listed digest is recognised', () => {
    const gen = new KeyGen(11);
    const key = gen.expand('AIza{{alnum:35}}');
    expect(notPublishedExample(key)).toBe(true);
    const digest = createHash('sha256').update(key).digest('hex');
    expect(PUBLISHED_EXAMPLE_KEYS.has(digest)).toBe(false);
  });
});
