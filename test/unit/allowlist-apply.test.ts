import { compileAllowlist } from '../../src/allowlist/apply';
import { fingerprint } from '../../src/allowlist/fingerprint';
import { KeyGen } from '../helpers/keygen';

const gen = new KeyGen(611);
const secret = gen.akSecret();
const RULE = 'alibaba-access-key-secret';
const fp = fingerprint(RULE, secret, 'key');
const at = (file = 'src/a.js', ruleId = RULE) => ({ ruleId, file, fingerprint: fp });

test('each kind of entry, and every key of an entry must match', () => {
  const a = compileAllowlist(
    {
      allow: [
        { fingerprint: fp, path: 'docs/**' },
        { regex: `^${secret.slice(0, 5)}`, rule: 'alibaba-access-key-id' },
        { stopword: secret.slice(10, 16).toUpperCase(), reason: 'sample' },
        { path: '.env*', rule: RULE },
      ],
    },
    '2026-11-29',
  );
  expect(a.match(at('docs/x.md'), secret)).toEqual({ by: 'fingerprint', entry: 0 });
  expect(a.match(at('src/a.js'), secret)).toEqual({ by: 'stopword', entry: 2, reason: 'sample' });
  expect(a.match(at('src/a.js'), 'other')).toBeNull();
  expect(a.match(at('.env.local'), 'other')).toEqual({ by: 'path', entry: 3 });
  expect(a.match(at('src/a.js', 'alibaba-access-key-id'), secret)).toEqual({ by: 'regex', entry: 1 });
  expect(a.unused()).toEqual([]);
});

test('an expired entry allows nothing and is reported only when nothing else allowed the finding', () => {
  const a = compileAllowlist(
    { allow: [{ fingerprint: fp, expires: '2026-11-29', reason: 'old' }, { path: 'ok/**' }, { path: 'never/**' }] },
    '2026-11-29',
  );
  expect(a.match(at('ok/a.js'), secret)).toEqual({ by: 'path', entry: 1 });
  expect(a.expiredHits()).toEqual([]);
  expect(a.match(at('src/a.js'), secret)).toBeNull();
  expect(a.expiredHits()).toEqual([{ fingerprint: fp, expires: '2026-11-29', reason: 'old', index: 0 }]);
  expect(a.unused().map((e) => e.index)).toEqual([2]);
  const tomorrow = compileAllowlist({ allow: [{ fingerprint: fp, expires: '2026-11-30' }] }, '2026-11-29');
  expect(tomorrow.match(at(), secret)).toEqual({ by: 'fingerprint', entry: 0 });
});

test("a path entry matches a file inside an archive by the entry's path or by the archive's path", () => {
  const a = compileAllowlist({ allow: [{ path: 'vendor/*.jar' }, { path: 'docs/*.docx!/word/**' }] }, '2026-11-29');
  const inJar = { ...at('vendor/t.jar!/conf/a.properties'), archive: 'vendor/t.jar' };
  expect(a.match(inJar, secret)).toEqual({ by: 'path', entry: 0 });
  // Without the archive (a file whose name merely holds `!/`), the glob sees the whole path only.
  expect(a.match(at('vendor/t.jar!/conf/a.properties'), secret)).toBeNull();
  expect(a.match({ ...at('docs/r.docx!/word/document.xml'), archive: 'docs/r.docx' }, secret)).toEqual({ by: 'path', entry: 1 });
  expect(a.match({ ...at('lib/t.jar!/a'), archive: 'lib/t.jar' }, secret)).toBeNull();
});
