import { compileRules, keywordRegexSource } from '../../src/detect/engine';
import { RULES } from '../../src/detect/rules';

describe('the combined keyword prefilter', () => {
  test('is factored by prefixes and matches exactly the lines holding a keyword', () => {
    const re = new RegExp(keywordRegexSource(['secret', 'sk', 'sec', 'ltai', 'a.b']), 'i');
    // 'secret' adds nothing once 'sec' is a keyword: a prefilter only needs to know that one hits.
    expect(re.source).toBe('(?:s(?:ec|k)|ltai|a\\.b)');
    for (const hit of ['my SECRET', 'ask', 'x sec y', 'LTAI', 'a.b']) expect(re.test(hit)).toBe(true);
    for (const miss of ['se', 'lta', 'axb', '']) expect(re.test(miss)).toBe(false);
  });

  test('lets through every keyword of every rule, in any case', () => {
    const { prefilter } = compileRules(RULES);
    for (const r of RULES)
      for (const d of r.detectors)
        for (const k of d.keywords) {
          expect(prefilter!.test(`xx ${k} xx`)).toBe(true);
          expect(prefilter!.test(`xx ${k.toUpperCase()} xx`)).toBe(true);
        }
    expect(prefilter!.test('const a = 1; function f() { return a; }')).toBe(false);
  });
});
