#!/usr/bin/env node
import { run } from './run';

run(process.argv.slice(2), { cwd: process.cwd(), env: process.env, stderrIsTTY: process.stderr.isTTY }).then(
  (r) => {
    if (r.stdout) process.stdout.write(r.stdout);
    if (r.stderr) process.stderr.write(r.stderr);
    process.exitCode = r.exitCode;
  },
  (e: unknown) => {
    process.stderr.write(`ak-hook: error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
