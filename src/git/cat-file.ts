import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { AkHookError } from '../errors';
import type { Blob, BlobSource } from './backend';
import { spawnCatFile } from './cat-file-process';

interface Pending {
  spec: string;
  /** Bodies larger than this are read past, not kept (resolved with `data: null`). */
  max?: number;
  /** Takes the body piece by piece as it arrives (views into git's output; nothing is kept). */
  sink?: (piece: Buffer) => void;
  resolve: (b: (Blob & { size?: number }) | null) => void;
  reject: (e: Error) => void;
}

/**
 * One long-lived `git cat-file --batch` serving blob reads by object id or by `:path`
 * (the index entry, honouring GIT_INDEX_FILE). Started only when something asks.
 */
export class BlobReader implements BlobSource {
  private child: ChildProcessWithoutNullStreams | null = null;
  private queue: Pending[] = [];
  private buf: Buffer = Buffer.alloc(0);
  private dead: Error | null = null;

  constructor(
    private readonly cwd: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  read(spec: string): Promise<Blob | null> {
    return this.request(spec) as Promise<Blob | null>;
  }

  /** Like read(), but a blob larger than `max` bytes is not kept: `data` is null, `size` says how large. */
  readUpTo(spec: string, max: number): Promise<{ oid: string; size: number; data: Buffer | null } | null> {
    return this.request(spec, max) as Promise<{ oid: string; size: number; data: Buffer | null } | null>;
  }

  /**
   * Like readUpTo(), but the body goes to `sink` piece by piece as git writes it, so the caller
   * works while git still inflates the object; `data` is always null.
   */
  stream(spec: string, max: number, sink: (piece: Buffer) => void): Promise<{ oid: string; size: number; data: null } | null> {
    return this.request(spec, max, sink) as Promise<{ oid: string; size: number; data: null } | null>;
  }

  private request(spec: string, max?: number, sink?: (piece: Buffer) => void): Promise<unknown> {
    if (/[\n\r]/.test(spec)) return Promise.resolve(null);
    if (this.dead) return Promise.reject(this.dead);
    const child = this.start();
    return new Promise((resolve, reject) => {
      this.queue.push({ spec, max, sink, resolve, reject });
      child.stdin.write(spec + '\n');
    });
  }

  close(): void {
    if (this.child) {
      this.child.stdin.end();
      this.child = null;
    }
  }

  private start(): ChildProcessWithoutNullStreams {
    if (this.child) return this.child;
    const fail = (e: Error) => {
      this.dead = e;
      for (const p of this.queue.splice(0)) p.reject(e);
    };
    const child = spawnCatFile('--batch', { cwd: this.cwd, env: this.env, pending: () => this.queue.length, fail });
    child.stdout.on('data', (c: Buffer) => {
      this.buf = this.buf.length === 0 ? c : Buffer.concat([this.buf, c]);
      try {
        this.drain();
      } catch (e) {
        // Output we cannot take (e.g. an impossible size): every read fails, git is stopped.
        // Thrown here it would escape as an uncaught exception (exit 1, a stack trace).
        fail(e as Error);
        child.kill();
      }
    });
    this.child = child;
    return child;
  }

  /** Response state: reading a header line, or filling a body of known size (+ its '\n'). */
  private body: { oid: string; type: string; size: number; data: Buffer | null; sink?: (piece: Buffer) => void; filled: number } | null =
    null;

  private drain(): void {
    while (this.queue.length > 0 && this.buf.length > 0) {
      if (this.body) {
        const b = this.body;
        const need = b.size + 1 - b.filled;
        const take = Math.min(need, this.buf.length);
        const bodyPart = Math.min(take, b.size - b.filled);
        if (bodyPart > 0 && b.data) this.buf.copy(b.data, b.filled, 0, bodyPart);
        else if (bodyPart > 0 && b.sink) b.sink(this.buf.subarray(0, bodyPart));
        b.filled += take;
        this.buf = this.buf.subarray(take);
        if (b.filled < b.size + 1) return;
        this.body = null;
        this.queue.shift()!.resolve(b.type === 'blob' ? ({ oid: b.oid, size: b.size, data: b.data } as Blob) : null);
        continue;
      }
      const nl = this.buf.indexOf(0x0a);
      if (nl < 0) return;
      const header = this.buf.toString('utf8', 0, nl);
      this.buf = this.buf.subarray(nl + 1);
      if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
        this.queue.shift()!.resolve(null);
        continue;
      }
      const m = /^([0-9a-f]+) (\w+) (\d+)$/.exec(header);
      if (!m) {
        this.dead = new AkHookError('E_GIT_OUTPUT', `unexpected git cat-file output: ${header.slice(0, 80)}`);
        for (const q of this.queue.splice(0)) q.reject(this.dead);
        return;
      }
      const size = Number(m[3]);
      const { max, sink } = this.queue[0];
      const keep = (max === undefined || size <= max) && m[2] === 'blob';
      this.body = {
        oid: m[1],
        type: m[2],
        size,
        data: keep && !sink ? Buffer.allocUnsafe(size) : null,
        sink: keep ? sink : undefined,
        filled: 0,
      };
    }
  }
}
