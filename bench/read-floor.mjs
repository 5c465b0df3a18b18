// The least any scanner in node does on a commit: receive every added byte. Runs git's staged
// patch with --text (binary files' bytes included, as a scanner must read them) and discards
// it. bench/run.mjs times it next to `git diff --cached -U0` on the real-code commit, so the
// real-code ratio can be read against what reading alone costs.
import { spawn } from 'node:child_process';

const git = spawn('git', ['diff', '--cached', '-U0', '--text', '--no-color', '--no-ext-diff'], { stdio: ['ignore', 'pipe', 'inherit'] });
let bytes = 0;
git.stdout.on('data', (b) => {
  bytes += b.length;
});
git.on('close', (code) => {
  if (process.env.READ_FLOOR_BYTES) console.log(bytes);
  process.exitCode = code ?? 1;
});
