import { under } from './endpoint';
import { isAnswer, send } from './http';
import { signSigV4 } from './sign-sigv4';
import type { Credential, Outcome } from './types';

/** Codes with which AWS STS says the key (or session token) does not exist or has expired. */
const INVALID = new Set(['InvalidClientTokenId', 'ExpiredToken', 'InvalidAccessKeyId']);
const BODY = 'Action=GetCallerIdentity&Version=2011-06-15';

const tag = (xml: string, name: string): string => new RegExp(`<${name}>([^<]{0,2048})</${name}>`).exec(xml)?.[1] ?? '';

function typeOf(arn: string): string {
  if (/:root$/.test(arn)) return 'Root';
  if (/:user\//.test(arn)) return 'IAMUser';
  if (/:assumed-role\//.test(arn)) return 'AssumedRole';
  if (/:federated-user\//.test(arn)) return 'FederatedUser';
  return 'Unknown';
}

/** AWS STS GetCallerIdentity (query API, SigV4, POST form): needs no permission and changes nothing. */
export async function verifyAws(c: Credential, base: URL, timeoutMs: number): Promise<Outcome> {
  const amzDate = new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
    host: base.host,
    'x-amz-date': amzDate,
  };
  if (c.token) headers['x-amz-security-token'] = c.token;
  const url = under(base, '/');
  const signed = signSigV4({
    method: 'POST',
    path: url.pathname,
    headers,
    body: BODY,
    accessKeyId: c.id ?? '',
    secretAccessKey: c.secret,
    region: 'us-east-1',
    service: 'sts',
    amzDate,
  });
  const { host: _host, ...sent } = headers;
  const r = await send(url, { method: 'POST', headers: { ...sent, authorization: signed.authorization }, body: BODY }, timeoutMs);
  if (!isAnswer(r)) return r;
  if (r.status === 200) {
    const arn = tag(r.body, 'Arn');
    if (!arn) return { status: 'unknown', root: false, reason: 'bad-response' };
    return { status: 'live', root: /:root$/.test(arn), identity: { type: typeOf(arn), accountId: tag(r.body, 'Account'), arn } };
  }
  const code = tag(r.body, 'Code');
  if (INVALID.has(code)) return { status: 'invalid', root: false, reason: code };
  return { status: 'unknown', root: false, reason: code || `http-${r.status}` };
}
