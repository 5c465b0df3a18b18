import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { catalogueMarkdown, catalogueText } from '../../src/detect/catalogue';
import { BEGIN, END, readmeWithCatalogue } from '../../src/detect/readme-catalogue';
import { RULES } from '../../src/detect/rules';
import { rulesCommand } from '../../src/cli/commands/rules';

describe('the catalogue as people read it', () => {
  test('README.md holds the table generated from the rules (run `npm run docs` when this fails)', () => {
    const readme = readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
    expect(readme).toContain(BEGIN);
    expect(readme).toContain(END);
    expect(readmeWithCatalogue(readme)).toBe(readme);
  });

  test('the table has one row per rule, and a changed description changes it', () => {
    const md = catalogueMarkdown(RULES);
    for (const r of RULES) expect(md).toContain(`| \`${r.id}\` | ${r.provider} |`);
    const changed = RULES.map((r, i) => (i === 0 ? { ...r, description: 'something else' } : r));
    expect(catalogueMarkdown(changed)).not.toBe(md);
  });

  test('`ak-hook rules` lists id, provider, kind and what each rule finds', async () => {
    // Outside a repository: the built-in rules only (a config's custom rules are listed after them).
    const cwd = mkdtempSync(path.join(tmpdir(), 'akh-rules-'));
    const r = await rulesCommand.run({ values: {}, ctx: { cwd, env: process.env } } as never);
    rmSync(cwd, { recursive: true });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(catalogueText(RULES));
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(RULES.length);
    RULES.forEach((rule, i) => {
      expect(lines[i].startsWith(rule.id + ' ')).toBe(true);
      expect(lines[i]).toContain(rule.provider);
      expect(lines[i]).toContain(rule.description);
    });
  });
});
