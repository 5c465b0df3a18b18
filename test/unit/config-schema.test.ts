/**
 * The JSON Schema shipped for editors and the validator the CLI runs say the same thing:
 * every config here is judged alike by both (with the few checks a schema cannot express
 * listed apart), and the schema names exactly the rules of the catalogue.
 */
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { validateConfig } from '../../src/config/validate';
import { RULES } from '../../src/detect/rules';

const schema = JSON.parse(readFileSync(path.join(__dirname, '../../schema/akhookrc.schema.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
const schemaValid = ajv.compile(schema);
const FP = 'akfp1:' + '0123456789abcdef'.repeat(2);

const GOOD: unknown[] = [
  {},
  { allow: [] },
  {
    $schema: './node_modules/ak-hook/schema/akhookrc.schema.json',
    allow: [{ fingerprint: FP, reason: 'doc sample', expires: '2030-01-31' }],
  },
  { allow: [{ path: 'test/fixtures/**', rule: 'alibaba-access-key-id', reason: 'fixtures' }] },
  { allow: [{ regex: '^LTAI0{4}', reason: 'zero ids' }, { stopword: 'example' }, { fingerprint: FP, path: 'docs/**' }] },
  { rules: { 'alibaba-access-key-secret': false, 'alibaba-access-key-id': { minEntropy: 3.5, minClasses: 2 } } },
  { rules: { 'alibaba-sts-security-token': { enabled: true } } },
  { paths: ['src/**', '.env*'], exclude: ['**/*.snap'], maxFileSize: 1048576, lang: 'zh' },
  {
    customRules: [
      {
        id: 'acme-live-token',
        name: 'ACME live token',
        description: 'ACME live API token',
        keywords: ['acme_live_'],
        pattern: 'acme_live_(?P<secret>[A-Za-z0-9]{32})',
        minEntropy: 3.5,
        minClasses: 2,
        severity: 'critical',
        kind: 'key',
        examples: { positive: ['t=acme_live_{{alnum:32}}'], negative: ['t=acme_live_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'] },
      },
    ],
    rules: { 'acme-live-token': { minEntropy: 4 } },
    allow: [{ rule: 'acme-live-token', path: 'docs/**' }],
  },
  { verify: { check: true, invalid: 'warn' } },
];

const BAD: unknown[] = [
  [],
  'allow',
  { allowlist: [] },
  { allow: {} },
  { allow: ['x'] },
  { allow: [{ reason: 'no matcher' }] },
  { allow: [{ fingerprint: 'akfp1:abc' }] },
  { allow: [{ fingerprint: FP, color: 'red' }] },
  { allow: [{ fingerprint: FP, reason: '' }] },
  { allow: [{ fingerprint: FP, reason: '   ' }] },
  { allow: [{ fingerprint: FP, expires: '31/01/2030' }] },
  { allow: [{ path: '!src/**' }] },
  { allow: [{ stopword: 7 }] },
  { allow: [{ regex: '' }] },
  { allow: [{ regex: 'x'.repeat(1001) }] },
  { rules: { 'Not An Id': false } },
  { customRules: {} },
  { customRules: [{ id: 'x', keywords: ['x'], pattern: 'x(?P<secret>y)' }] },
  { customRules: [{ id: 'x', keywords: [], pattern: 'x(?P<secret>y)', examples: { positive: ['xy'] } }] },
  { customRules: [{ id: 'X', keywords: ['x'], pattern: 'x(?P<secret>y)', examples: { positive: ['xy'] } }] },
  { customRules: [{ id: 'x', keywords: ['x'], pattern: 'x(?P<secret>y)', examples: { positive: ['xy'] }, entropy: 3 }] },
  { rules: { 'alibaba-access-key-id': 'off' } },
  { rules: { 'alibaba-access-key-id': { minEntropy: 9 } } },
  { rules: { 'alibaba-access-key-id': { minClasses: 1.5 } } },
  { rules: { 'alibaba-access-key-id': { floor: 3 } } },
  { paths: 'src/**' },
  { paths: ['!**/*.test.ts'] },
  { exclude: ['src\\win'] },
  { exclude: [''] },
  { maxFileSize: 0 },
  { maxFileSize: '1MB' },
  { lang: 'fr' },
  { verify: true },
  { verify: { check: 'yes' } },
  { verify: { invalid: 'allow' } },
  { verify: { network: true } },
];

/** What a JSON Schema cannot say: calendar dates and regex syntax. Only the validator rejects these. */
/** Nor which rule ids exist beyond the catalogue (custom rules declare their own), nor what a custom rule's examples do. */
const VALIDATOR_ONLY: unknown[] = [
  { allow: [{ fingerprint: FP, expires: '2030-02-30' }] },
  { allow: [{ regex: '(unclosed' }] },
  { allow: [{ regex: 'a(?=b)' }] },
  { allow: [{ fingerprint: FP, rule: 'no-such-rule' }] },
  { rules: { 'no-such-rule': false } },
  { customRules: [{ id: 'github-token', keywords: ['x'], pattern: 'x(?P<secret>y)', examples: { positive: ['xy'] } }] },
  { customRules: [{ id: 'acme', keywords: ['acme'], pattern: 'acme_(?P<secret>[a-z]{8})', examples: { positive: ['acme_ab'] } }] },
  { customRules: [{ id: 'acme', keywords: ['acme'], pattern: 'acme_[a-z]{8}', examples: { positive: ['acme_abcdefgh'] } }] },
];

test.each(GOOD.map((c) => [JSON.stringify(c), c]))('both accept %s', (_s, c) => {
  expect(validateConfig(c)).toMatchObject({ ok: true });
  expect(schemaValid(c)).toBe(true);
});

test.each(BAD.map((c) => [JSON.stringify(c), c]))('both reject %s', (_s, c) => {
  const v = validateConfig(c);
  expect(v.ok).toBe(false);
  expect(schemaValid(c)).toBe(false);
});

test.each(VALIDATOR_ONLY.map((c) => [JSON.stringify(c), c]))('the validator alone rejects %s', (_s, c) => {
  expect(validateConfig(c).ok).toBe(false);
  expect(schemaValid(c)).toBe(true);
});

test('the schema lists exactly the rules of the catalogue (a new rule adds its id to definitions.ruleId)', () => {
  expect([...schema.definitions.ruleId.enum].sort()).toEqual(RULES.map((r) => r.id).sort());
});

test('every problem is reported at once, each with where, the bad value and a hint', () => {
  const v = validateConfig({
    allow: [{ fingerprint: 'nope', expires: 'soon' }, { reason: 'x' }],
    rules: { 'no-such-rule': false },
    paths: ['!x'],
    lang: 'fr',
    extra: 1,
  });
  expect(v.ok).toBe(false);
  if (v.ok) return;
  expect(v.problems.map((p) => p.at)).toEqual([
    'extra',
    'allow[0].fingerprint',
    'allow[0].expires',
    'allow[1]',
    'rules.no-such-rule',
    'paths[0]',
    'lang',
  ]);
  expect(v.problems.find((p) => p.at === 'allow[0].fingerprint')).toMatchObject({
    message: expect.stringContaining('"nope"'),
    hint: expect.any(String),
  });
  expect(v.problems.find((p) => p.at === 'paths[0]')?.hint).toContain('exclude');
});
