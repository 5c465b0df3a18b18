import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { AkHookError } from '../errors';
import { spawnCatFile } from './cat-file-process';

/**
 * Sizes of blobs asked one at a time as files arrive, answered by one long-lived
 * `git cat-file --batch-check` (asked ahead, so answers are ready when needed). An object git
 * does not have counts as size 0, as in blobSizes().
 */
export class BlobSizer {
  private child: ChildProcessWithoutNullStreams | null = null;
  private queue: Array<{ resolve: (n: number) => void; reject: (e: Error) => void }> = [];
  private rest = '';
  private dead: Error | null = null;

  constructor(
    private readonly cwd: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  size(oid: string): Promise<number> {
    if (this.dead) return Promise.reject(this.dead);
    if (!/^[0-9a-f]+$/.test(oid)) return Promise.resolve(0);
    const child = this.start();
    const p = new Promise<number>((resolve, reject) => this.queue.push({ resolve, reject }));
    child.stdin.write(oid + '\n');
    return p;
  }

  close(): void {
    this.child?.stdin.end();
    this.child = null;
  }

  private start(): ChildProcessWithoutNullStreams {
    if (this.child) return this.child;
    const fail = (e: Error) => {
      this.dead ??= e;
      for (const q of this.queue.splice(0)) q.reject(this.dead);
    };
    const child = spawnCatFile('--batch-check=%(objectname) %(objectsize)', {
      cwd: this.cwd,
      env: this.env,
      pending: () => this.queue.length,
      fail,
    });
    child.stdout.setEncoding('latin1');
    child.stdout.on('data', (c: string) => {
      const lines = (this.rest + c).split('\n');
      this.rest = lines.pop()!;
      for (const line of lines) {
        const q = this.queue.shift();
        if (!q) return fail(new AkHookError('E_GIT_OUTPUT', `unexpected git cat-file output: ${line.slice(0, 80)}`));
        const m = /^[0-9a-f]+ (\d+)$/.exec(line);
        q.resolve(m ? Number(m[1]) : 0);
      }
    });
    this.child = child;
    return child;
  }
}
