import type { Outcome } from './types';

export interface HttpAnswer {
  status: number;
  body: string;
}

const MAX_BODY = 64 * 1024;

/**
 * One request, once: no retry, no redirect followed (a secret must not travel on to another
 * host), a hard timeout. Returns the answer, or the Outcome of a failure (unknown).
 */
export async function send(
  url: URL,
  init: { method: string; headers: Record<string, string>; body?: string },
  timeoutMs: number,
): Promise<HttpAnswer | Outcome> {
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), timeoutMs);
  try {
    const res = await fetch(url, { ...init, redirect: 'manual', signal: ctl.signal });
    if (res.status >= 300 && res.status < 400) {
      await res.body?.cancel().catch(() => undefined);
      return { status: 'unknown', root: false, reason: 'redirect' };
    }
    const text = await res.text();
    return { status: res.status, body: text.slice(0, MAX_BODY) };
  } catch {
    return { status: 'unknown', root: false, reason: ctl.signal.aborted ? 'timeout' : 'network' };
  } finally {
    clearTimeout(timer);
  }
}

export function isAnswer(x: HttpAnswer | Outcome): x is HttpAnswer {
  return typeof x.status === 'number';
}

export function parseJson(s: string): Record<string, unknown> | null {
  try {
    const v = JSON.parse(s) as unknown;
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
