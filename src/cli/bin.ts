#!/usr/bin/env node
import { run } from './run';

const readStdin = async (): Promise<string> => {
  if (process.stdin.isTTY) return ''; // run by hand: there is no ref list to wait for
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};
const progress = process.stderr.isTTY ? (line: string) => process.stderr.write(`\r\x1b[K${line}`) : undefined;

run(process.argv.slice(2), { cwd: process.cwd(), env: process.env, stderrIsTTY: process.stderr.isTTY, stdin: readStdin, progress }).then(
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
