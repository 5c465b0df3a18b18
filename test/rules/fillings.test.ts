import { compileRules, scanLines } from '../../src/detect/engine';
import { RULES } from '../../src/detect/rules';
import { KeyGen } from '../helpers/keygen';

/**
 * A key is random, and a rule that finds the one filling of its example a test happens to make
 * can still drop one real key in a thousand: an entropy floor a random 32-digit hex value falls
 * under once in 200, a digit a 40-character key lacks once in 900, `012345` inside a hex key, a
 * base64 token starting with `/` taken for a path, a random password whose base64 form decodes
 * to a tab. Each positive example is filled anew many times here and must be found every time.
 * (Private-key templates are left to the real-tools corpus: their fillings are real keys.)
 */
const FILLINGS = 400;

describe('every positive example is found whatever its random filling', () => {
  for (const rule of RULES) {
    const templates = rule.examples.positive.filter((t) => !/\{\{(?:privkey|pubkey|jwk|rsaxml)/.test(t));
    if (templates.length === 0) continue;
    test(`${rule.id}: ${templates.length} example(s) x ${FILLINGS} fillings`, () => {
      const compiled = compileRules([rule]);
      const missed: string[] = [];
      templates.forEach((template, t) => {
        const gen = new KeyGen(0x9e3779b1 ^ (rule.id.length * 8191 + t * 131));
        for (let i = 0; i < FILLINGS; i++) {
          const text = gen.expand(template);
          const lines = text.split('\n').map((l, j) => ({ line: j + 1, text: l }));
          const found = scanLines(lines, compiled, { matches: (re) => lines.some((l) => re.test(l.text)) });
          if (!found.some((f) => f.ruleId === rule.id)) missed.push(`${template}  (filling ${i})`);
        }
      });
      expect(missed).toEqual([]);
    });
  }
});
