import { verifyAlibaba } from './alibaba';
import { verifyAws } from './aws';
import type { Endpoints } from './endpoint';
import { verifyGithub } from './github';
import { verifyTencent } from './tencent';
import type { Credential, Outcome, Provider, Target, VerifyResult } from './types';

const CALL: Record<Provider, (c: Credential, base: URL, timeoutMs: number) => Promise<Outcome>> = {
  alibaba: verifyAlibaba,
  tencent: verifyTencent,
  aws: verifyAws,
  github: verifyGithub,
};

export interface RunVerifyOptions {
  endpoints: Endpoints;
  /** Per call (default 3000 ms). */
  timeoutMs?: number;
  /** Calls under way at once (default 4). */
  concurrency?: number;
}

/**
 * Asks each credential's provider who the caller is: each distinct credential once, a few
 * at a time, one attempt each. Never throws for a provider's answer or a network failure
 * (that is `unknown`); never prints.
 */
export async function verifyTargets(targets: readonly Target[], opts: RunVerifyOptions): Promise<VerifyResult[]> {
  const timeoutMs = opts.timeoutMs ?? 3000;
  const byKey = new Map<string, { credential: Credential; outcome?: Outcome }>();
  const keyOf = (c: Credential) => JSON.stringify([c.provider, c.id ?? '', c.secret, c.token ?? '']);
  for (const t of targets) if (t.credential) byKey.set(keyOf(t.credential), { credential: t.credential });
  const queue = [...byKey.values()];
  const worker = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      const c = job.credential;
      job.outcome = await CALL[c.provider](c, opts.endpoints[c.provider], timeoutMs).catch((): Outcome => ({
        status: 'unknown',
        root: false,
        reason: 'network',
      }));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency ?? 4, queue.length)) }, worker));
  return targets.map((t) => {
    const { credential, ...where } = t;
    const outcome: Outcome = credential ? byKey.get(keyOf(credential))!.outcome! : { status: 'unknown', root: false, reason: t.reason };
    return { ...where, ...(credential ? { provider: credential.provider } : {}), credential: null, ...outcome };
  });
}

/** Hosts a run would send secrets to (for the "a live check was made" line). */
export function hostsFor(targets: readonly Target[], endpoints: Endpoints): string[] {
  return [...new Set(targets.flatMap((t) => (t.credential ? [endpoints[t.credential.provider].host] : [])))];
}
