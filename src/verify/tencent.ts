import { under } from './endpoint';
import { isAnswer, parseJson, send, str } from './http';
import { signTc3 } from './sign-tc3';
import type { Credential, Outcome } from './types';

/** Codes with which Tencent Cloud says the SecretId (or its token) does not exist, is disabled or expired. */
const INVALID = new Set([
  'AuthFailure.SecretIdNotFound',
  'AuthFailure.InvalidSecretId',
  'AuthFailure.TokenFailure',
  'AuthFailure.UnauthorizedOperation.SecretIdDisabled',
]);
const CONTENT_TYPE = 'application/json; charset=utf-8';

/** Tencent Cloud STS GetCallerIdentity (API 3.0, TC3-HMAC-SHA256): needs no permission and changes nothing. */
export async function verifyTencent(c: Credential, base: URL, timeoutMs: number): Promise<Outcome> {
  const timestamp = Math.floor(Date.now() / 1000);
  const payload = '{}';
  const signed = signTc3({
    secretId: c.id ?? '',
    secretKey: c.secret,
    service: 'sts',
    host: base.host,
    timestamp,
    contentType: CONTENT_TYPE,
    payload,
  });
  const headers: Record<string, string> = {
    'content-type': CONTENT_TYPE,
    authorization: signed.authorization,
    'x-tc-action': 'GetCallerIdentity',
    'x-tc-version': '2018-08-13',
    'x-tc-timestamp': String(timestamp),
  };
  if (c.token) headers['x-tc-token'] = c.token;
  const r = await send(under(base, '/'), { method: 'POST', headers, body: payload }, timeoutMs);
  if (!isAnswer(r)) return r;
  const resp = parseJson(r.body)?.Response;
  if (!resp || typeof resp !== 'object') return { status: 'unknown', root: false, reason: `http-${r.status}` };
  const o = resp as Record<string, unknown>;
  const err = o.Error as Record<string, unknown> | undefined;
  if (err) {
    const code = str(err.Code);
    return INVALID.has(code)
      ? { status: 'invalid', root: false, reason: code }
      : { status: 'unknown', root: false, reason: code || `http-${r.status}` };
  }
  if (typeof o.Arn !== 'string') return { status: 'unknown', root: false, reason: 'bad-response' };
  const type = str(o.Type);
  const accountId = str(o.AccountId);
  const root = /root/i.test(type) || (accountId !== '' && str(o.UserId) === accountId);
  return { status: 'live', root, identity: { type, accountId, arn: o.Arn } };
}
