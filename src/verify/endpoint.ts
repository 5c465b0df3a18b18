import type { Provider } from './types';

/** The official endpoints: a secret goes to one of these, or to an override the user set. */
export const OFFICIAL: Readonly<Record<Provider, string>> = {
  alibaba: 'https://sts.aliyuncs.com',
  tencent: 'https://sts.tencentcloudapi.com',
  aws: 'https://sts.amazonaws.com',
  github: 'https://api.github.com',
};

export const ENDPOINT_ENV: Readonly<Record<Provider, string>> = {
  alibaba: 'AK_HOOK_ALIBABA_STS_ENDPOINT',
  tencent: 'AK_HOOK_TENCENT_STS_ENDPOINT',
  aws: 'AK_HOOK_AWS_STS_ENDPOINT',
  github: 'AK_HOOK_GITHUB_API_ENDPOINT',
};

export type Endpoints = Readonly<Record<Provider, URL>>;

/** 127.0.0.0/8 and ::1, as IP literals only (a name could resolve anywhere). */
function isLoopback(hostname: string): boolean {
  if (hostname === '[::1]') return true;
  const m = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(hostname);
  return m !== null && m.slice(1).every((n) => Number(n) <= 255);
}

/**
 * The endpoint of each provider: the official one, or the override in the environment
 * (a full base URL; https, or http to a loopback address only; no user, query or fragment).
 * Returns every bad override at once.
 */
/** A bad override, by the id of its words in the message modules (errorText). */
export interface EndpointProblem {
  id: 'endpointNotUrl' | 'endpointNotHttps' | 'endpointNotBase';
  args: { name: string; value: string };
}

export function resolveEndpoints(env: NodeJS.ProcessEnv): { ok: true; endpoints: Endpoints } | { ok: false; problems: EndpointProblem[] } {
  const problems: EndpointProblem[] = [];
  const out = {} as Record<Provider, URL>;
  for (const p of Object.keys(OFFICIAL) as Provider[]) {
    const raw = env[ENDPOINT_ENV[p]];
    if (raw === undefined || raw === '') {
      out[p] = new URL(OFFICIAL[p]);
      continue;
    }
    let u: URL;
    try {
      u = new URL(raw);
    } catch {
      problems.push({ id: 'endpointNotUrl', args: { name: ENDPOINT_ENV[p], value: raw } });
      continue;
    }
    if (u.protocol !== 'https:' && !(u.protocol === 'http:' && isLoopback(u.hostname)))
      problems.push({ id: 'endpointNotHttps', args: { name: ENDPOINT_ENV[p], value: raw } });
    else if (u.username || u.password || u.search || u.hash)
      problems.push({ id: 'endpointNotBase', args: { name: ENDPOINT_ENV[p], value: `${u.protocol}//${u.host}…` } });
    else out[p] = u;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, endpoints: out };
}

/** `base` + `/path`, keeping the base's own path. */
export function under(base: URL, path: string): URL {
  const u = new URL(base.href);
  u.pathname = base.pathname.replace(/\/+$/, '') + path;
  return u;
}
