/**
 * User regexes (allow entries' `regex`, custom rules' `pattern`) run on re2js in linear time,
 * and are checked when the config loads: empty, too long, lookahead, backreference, syntax.
 * Linear time is shown by counting, not timing: the catastrophic pattern of issue 9 is run on
 * inputs whose V8 backtracking cost doubles per character; here it simply answers.
 */
import { compileAllowlist } from '../../src/allowlist/apply';
import { validateConfig } from '../../src/config/validate';
import { linearPattern, MAX_REGEX_LENGTH, userRegexProblem, userRegexTest } from '../../src/config/user-regex';

const CATASTROPHIC = '^([A-Za-z0-9]|[A-Za-z0-9])*-$';

describe('userRegexProblem', () => {
  test.each([
    ['', 'must not be empty'],
    ['a'.repeat(MAX_REGEX_LENGTH + 1), `is ${MAX_REGEX_LENGTH + 1} characters long`],
    ['^x(?=y)', 'uses lookahead'],
    ['x(?!y)', 'uses lookahead'],
    ['(a)\\1', 'uses a backreference'],
    ['[a-', 'not a valid regular expression'],
    ['(?P<secret>a{1001})', 'not a valid regular expression'],
    ['[a-z]{1000}'.repeat(25), 'too large once compiled'],
  ])('case %# is refused', (src, message) => {
    expect(userRegexProblem(src)?.message).toContain(message);
  });

  test.each([CATASTROPHIC, '^LTAI0{8}', '(?<![A-Za-z0-9])acme_(?P<secret>[a-z]{8})\\b', '(?i)^example', '\\\\1 is an escaped backslash'])(
    '%s is accepted',
    (src) => {
      expect(userRegexProblem(src)).toBeNull();
    },
  );

  test('a huge pattern is never echoed in the message', () => {
    const huge = 'LTAI' + 'x'.repeat(2_000_000);
    const p = userRegexProblem(huge)!;
    expect(p.message.length).toBeLessThan(200);
    expect(JSON.stringify(p)).not.toContain('xxxxxxxxxx');
    const v = validateConfig({ allow: [{}, {}, {}, { regex: huge }] });
    expect(v.ok).toBe(false);
    if (!v.ok) {
      expect(v.problems.map(({ at, message, hint }) => ({ at, message, hint }))).toEqual([
        { at: 'allow[0]', message: expect.any(String), hint: expect.any(String) },
        { at: 'allow[1]', message: expect.any(String), hint: expect.any(String) },
        { at: 'allow[2]', message: expect.any(String), hint: expect.any(String) },
        { at: 'allow[3].regex', message: 'is 2000004 characters long; at most 1000 are allowed', hint: expect.any(String) },
      ]);
    }
  });

  test('an empty regex is refused like an empty stopword', () => {
    const v = validateConfig({ allow: [{ regex: '' }, { stopword: '' }] });
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.problems.map((p) => p.at)).toEqual(['allow[0].regex', 'allow[1].stopword']);
  });
});

describe('matching runs on the linear engine', () => {
  test('the catastrophic pattern of issue 9 answers on long inputs (V8 would backtrack 2^n)', () => {
    for (const n of [30, 1000, 100_000]) {
      expect(userRegexTest(CATASTROPHIC, 'a'.repeat(n))).toBe(false);
      expect(userRegexTest(CATASTROPHIC, 'a'.repeat(n) + '-')).toBe(true);
    }
  });

  test('an allow entry with that regex is applied through the allowlist', () => {
    const list = compileAllowlist({ allow: [{ regex: CATASTROPHIC, reason: 'r' }] }, '2026-01-01');
    const target = { ruleId: 'x', file: 'f', fingerprint: 'akfp1:' + '0'.repeat(32) };
    expect(list.match(target, 'A'.repeat(30))).toBeNull();
    expect(list.match(target, 'A'.repeat(29) + '-')).toMatchObject({ by: 'regex', entry: 0 });
  });

  test('linearPattern behaves like a global RegExp for the engine: exec, lastIndex, index, groups.secret', () => {
    const re = linearPattern('acme_(?P<secret>[a-z]{3})');
    const text = 'x 中文 acme_abc, acme_def';
    const got: Array<[number, string, string | undefined]> = [];
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) got.push([m.index, m[0], m.groups?.secret]);
    expect(got).toEqual([
      [5, 'acme_abc', 'abc'],
      [15, 'acme_def', 'def'],
    ]);
    expect(re.lastIndex).toBe(0);
    const js = /acme_(?<secret>[a-z]{3})/g;
    expect([...text.matchAll(js)].map((x) => [x.index, x[0], x.groups?.secret])).toEqual(got);
  });
});
