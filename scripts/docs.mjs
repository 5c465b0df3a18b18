// npm run docs: regenerates what is derived from the rule definitions — the README's rule table
// (between its markers) and the rule ids of the config schema. Tests fail when either is stale
// (test/unit/catalogue-docs.test.ts, test/unit/config-schema.test.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';
import { loadTs, ROOT } from './run-ts.mjs';

const { readmeWithCatalogue, ruleIds } = loadTs('src/detect/readme-catalogue.ts');

async function update(rel, change) {
  const file = path.join(ROOT, rel);
  const before = readFileSync(file, 'utf8');
  const options = { ...(await prettier.resolveConfig(file)), filepath: file };
  const after = await prettier.format(change(before), options);
  if (after !== before) writeFileSync(file, after);
  process.stdout.write(`${rel}: ${after !== before ? 'updated' : 'up to date'}\n`);
}

await update('README.md', readmeWithCatalogue);
// Only the enum of definitions.ruleId is rewritten; the rest of the schema keeps its layout.
await update('schema/akhookrc.schema.json', (text) => {
  const re = /("ruleId"\s*:\s*\{[^{}]*?"enum"\s*:\s*)\[[^\]]*\]/;
  if (!re.test(text)) throw new Error('schema: definitions.ruleId.enum not found');
  return text.replace(re, (_all, head) => head + JSON.stringify(ruleIds()));
});
