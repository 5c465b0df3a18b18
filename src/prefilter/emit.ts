// Build step: writes dist/pre-commit.sh from the rule catalogue (run by scripts/build.mjs).
import { chmodSync, writeFileSync } from 'node:fs';
import { RULES } from '../detect/rules';
import { preCommitScript } from './shell-script';

const out = process.argv[2];
writeFileSync(out, preCommitScript(RULES));
chmodSync(out, 0o755);
