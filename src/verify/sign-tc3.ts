import { createHmac } from 'node:crypto';
import { hmacSha256, sha256Hex, type Sha256Signed } from './sha256';

export interface Tc3Input {
  secretId: string;
  secretKey: string;
  /** Service name in the credential scope, e.g. `sts`. */
  service: string;
  /** The Host header as sent (with the port for a non-default one). */
  host: string;
  /** Seconds since the epoch (X-TC-Timestamp). */
  timestamp: number;
  contentType: string;
  payload: string;
}

export type Tc3Signed = Sha256Signed;

const sha256 = sha256Hex;
const hmac = hmacSha256;

/**
 * Tencent Cloud API signature v3 (TC3-HMAC-SHA256) of a POST to `/` with signed headers
 * `content-type;host`, as Tencent's "签名方法 v3" documentation builds it.
 */
export function signTc3(i: Tc3Input): Tc3Signed {
  const date = new Date(i.timestamp * 1000).toISOString().slice(0, 10);
  const signedHeaders = 'content-type;host';
  const canonicalRequest = [
    'POST',
    '/',
    '',
    `content-type:${i.contentType.toLowerCase()}\nhost:${i.host.toLowerCase()}\n`,
    signedHeaders,
    sha256(i.payload),
  ].join('\n');
  const scope = `${date}/${i.service}/tc3_request`;
  const stringToSign = ['TC3-HMAC-SHA256', String(i.timestamp), scope, sha256(canonicalRequest)].join('\n');
  const key = hmac(hmac(hmac('TC3' + i.secretKey, date), i.service), 'tc3_request');
  const signature = createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex');
  return {
    canonicalRequest,
    stringToSign,
    signature,
    authorization: `TC3-HMAC-SHA256 Credential=${i.secretId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  };
}
