// npm run docs: regenerates the README's rule table from the rule definitions, between the
// markers below. test/unit/readme.test.ts fails when the README is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadTs, ROOT } from './run-ts.mjs';

const { readmeWithCatalogue } = loadTs('src/detect/readme-catalogue.ts');
const file = path.join(ROOT, 'README.md');
const before = readFileSync(file, 'utf8');
const after = readmeWithCatalogue(before);
if (after !== before) writeFileSync(file, after);
process.stdout.write(after !== before ? 'README.md: rule table updated\n' : 'README.md: rule table up to date\n');
