/**
 * Custom rules in the config: validated with the rest of the config (every problem, its place,
 * its value and a hint), their examples run through the real engine at load, and the rule then
 * scans like a built-in one (keywords, the `secret` group, the entropy floor, rule settings).
 */
import { prepareScan } from '../../src/config/prepare';
import { validateConfig } from '../../src/config/validate';
import { expandTemplate } from '../../src/config/example-template';
import { scanLines } from '../../src/detect/engine';
import type { Config } from '../../src/config/types';

const ACME = {
  id: 'acme-live-token',
  name: 'ACME live API token',
  keywords: ['acme_live_'],
  pattern: '(?<![A-Za-z0-9])acme_live_(?P<secret>[A-Za-z0-9]{32})(?:[^A-Za-z0-9]|$)',
  minEntropy: 3.5,
  examples: {
    positive: ['ACME_TOKEN=acme_live_{{alnum:32}}', 'client = Acme("acme_live_{{alnum:32}}")'],
    negative: ['ACME_TOKEN=acme_live_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'ACME_TOKEN=acme_test_{{alnum:32}}', 'x=acme_live_{{alnum:40}}'],
  },
};

function problems(raw: unknown): Array<{ at: string; message: string; hint?: string }> {
  const v = validateConfig(raw);
  return v.ok ? [] : v.problems;
}

test('a valid custom rule is accepted and scans like a built-in one', () => {
  const v = validateConfig({ customRules: [ACME], allow: [{ rule: 'acme-live-token', path: 'docs/**' }] });
  expect(v).toMatchObject({ ok: true });
  if (!v.ok) return;
  const prep = prepareScan(v.config);
  const line = expandTemplate('const t = "acme_live_{{alnum:32}}";');
  const found = scanLines([{ line: 3, text: line }], prep.compiled, { matches: () => false });
  expect(found).toEqual([{ ruleId: 'acme-live-token', line: 3, column: 22, secret: line.slice(21, 53) }]);
  const rule = prep.compiled.rules.find((r) => r.id === 'acme-live-token')!;
  expect(rule).toMatchObject({ provider: 'Custom', severity: 'high', kind: 'key', advice: 'token', name: 'ACME live API token' });
});

test('rule settings apply to custom rules too: false turns one off, minEntropy raises its floor', () => {
  const off = validateConfig({ customRules: [ACME], rules: { 'acme-live-token': false } });
  expect(off.ok).toBe(true);
  if (off.ok) expect(prepareScan(off.config).compiled.rules.some((r) => r.id === 'acme-live-token')).toBe(false);
  const strict = validateConfig({ customRules: [ACME], rules: { 'acme-live-token': { minEntropy: 8 } } });
  expect(strict.ok).toBe(true);
  if (strict.ok) {
    const line = expandTemplate('t=acme_live_{{alnum:32}}');
    expect(scanLines([{ line: 1, text: line }], prepareScan(strict.config).compiled, { matches: () => false })).toEqual([]);
  }
});

test('every problem of every rule is reported at once, with place, value and hint', () => {
  const got = problems({
    customRules: [
      { ...ACME, id: 'Acme Token', keywords: [], bogus: 1 },
      { ...ACME, id: 'github-token' },
      { ...ACME, id: 'acme-2', pattern: 'acme_live_[A-Za-z0-9]{32}' },
      { ...ACME, id: 'acme-3', pattern: 'acme_live_(?=x)(?P<secret>.{32})', severity: 'urgent', kind: 'token', minEntropy: 9 },
      { ...ACME, id: 'acme-4', examples: { positive: [] } },
      'acme',
      { ...ACME, id: 'acme-2' },
    ],
    allow: [{ rule: 'acme-nope', path: 'x/**' }],
  });
  expect(got.map((p) => p.at)).toEqual([
    'allow[0].rule',
    'customRules[0].bogus',
    'customRules[0].id',
    'customRules[0].keywords',
    'customRules[1].id',
    'customRules[2].pattern',
    'customRules[3].pattern',
    'customRules[3].minEntropy',
    'customRules[3].severity',
    'customRules[3].kind',
    'customRules[4].examples.positive',
    'customRules[5]',
    'customRules[6].id',
  ]);
  for (const p of got) expect(p.message.length).toBeGreaterThan(0);
  expect(got.find((p) => p.at === 'customRules[0].id')).toMatchObject({
    message: expect.stringContaining('"Acme Token"'),
    hint: expect.any(String),
  });
  expect(got.find((p) => p.at === 'customRules[2].pattern')).toMatchObject({ message: 'has no named group "secret"' });
  expect(got.find((p) => p.at === 'customRules[1].id')?.message).toContain('built-in');
  expect(got.find((p) => p.at === 'customRules[6].id')?.message).toContain('another custom rule');
});

test('examples are run when the config loads: a positive not reported or a negative reported is an error, with the reason', () => {
  const got = problems({
    customRules: [
      {
        ...ACME,
        examples: {
          positive: [
            'ok=acme_live_{{alnum:32}}',
            'no keyword: acme_{{alnum:32}}',
            'short=acme_live_{{alnum:12}}',
            'flat=acme_live_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
          ],
          negative: ['fine=acme_live_{{alnum:8}}', 'oops=acme_live_{{alnum:32}}', 'bad token {{word:3}}'],
        },
      },
    ],
  });
  expect(got).toEqual([
    expect.objectContaining({ at: 'customRules[0].examples.negative[2]', message: expect.stringContaining('unknown token {{word:…}}') }),
  ]);
  const got2 = problems({
    customRules: [
      {
        ...ACME,
        examples: {
          positive: [
            'ok=acme_live_{{alnum:32}}',
            'no keyword: acme_{{alnum:32}}',
            'short=acme_live_{{alnum:12}}',
            'flat=acme_live_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
          ],
          negative: ['fine=acme_live_{{alnum:8}}', 'oops=acme_live_{{alnum:32}}'],
        },
      },
    ],
  });
  expect(got2.map((p) => [p.at, p.message])).toEqual([
    ['customRules[0].examples.positive[1]', '"no keyword: acme_{{alnum:32}}" is not reported: it contains none of the keywords'],
    ['customRules[0].examples.positive[2]', '"short=acme_live_{{alnum:12}}" is not reported: it is not matched by the pattern'],
    [
      'customRules[0].examples.positive[3]',
      expect.stringContaining('is matched, but the secret is rejected by the entropy or class floor'),
    ],
    ['customRules[0].examples.negative[1]', '"oops=acme_live_{{alnum:32}}" is reported as a secret'],
  ]);
  for (const p of got2) expect(p.hint).toEqual(expect.any(String));
});

test('template tokens expand the same way every time and hold no literal key in the config', () => {
  const a = expandTemplate('x={{alnum:32}} y={{hex:8}} z={{digits:4}} u={{upper:6}} l={{lower:6}}');
  expect(a).toBe(expandTemplate('x={{alnum:32}} y={{hex:8}} z={{digits:4}} u={{upper:6}} l={{lower:6}}'));
  expect(a).toMatch(/^x=[A-Za-z0-9]{32} y=[0-9a-f]{8} z=[0-9]{4} u=[A-Z0-9]{6} l=[a-z0-9]{6}$/);
});

test('a custom rule with kind "password" gets password advice (slow fingerprints)', () => {
  const v = validateConfig({
    customRules: [
      {
        id: 'acme-db-password',
        keywords: ['acme_db_pass'],
        pattern: 'acme_db_pass\\s*=\\s*(?P<secret>\\S{8,64})',
        kind: 'password',
        severity: 'critical',
        examples: { positive: ['acme_db_pass = {{alnum:16}}'] },
      },
    ],
  });
  expect(v.ok).toBe(true);
  if (v.ok)
    expect(prepareScan(v.config as Config).compiled.rules.at(-1)).toMatchObject({
      kind: 'password',
      advice: 'password',
      severity: 'critical',
    });
});
