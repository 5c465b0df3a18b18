import { createHmac } from 'node:crypto';
import { hmacSha256, sha256Hex, type Sha256Signed } from './sha256';

export interface SigV4Input {
  method: string;
  /** Absolute path, already URI-encoded (e.g. `/`). */
  path: string;
  /** Query parameters (encoded and sorted here). */
  query?: Readonly<Record<string, string>>;
  /** Headers to sign; `host` and `x-amz-date` must be among them. */
  headers: Readonly<Record<string, string>>;
  body: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  service: string;
  /** `YYYYMMDDTHHMMSSZ`, the x-amz-date header's value. */
  amzDate: string;
}

export type SigV4Signed = Sha256Signed;

const sha256 = sha256Hex;
const hmac = hmacSha256;
const uriEncode = (s: string): string => encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());

/** AWS Signature Version 4 of one request (the header form), as the AWS signing documentation describes it. */
export function signSigV4(i: SigV4Input): SigV4Signed {
  const q = i.query ?? {};
  const canonicalQuery = Object.keys(q)
    .map((k) => [uriEncode(k), uriEncode(q[k])] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const names = Object.keys(i.headers)
    .map((h) => h.toLowerCase())
    .sort();
  const lower = new Map(Object.entries(i.headers).map(([k, v]) => [k.toLowerCase(), v.trim().replace(/\s+/g, ' ')]));
  const canonicalHeaders = names.map((n) => `${n}:${lower.get(n)}\n`).join('');
  const signedHeaders = names.join(';');
  const canonicalRequest = [i.method, i.path, canonicalQuery, canonicalHeaders, signedHeaders, sha256(i.body)].join('\n');
  const date = i.amzDate.slice(0, 8);
  const scope = `${date}/${i.region}/${i.service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', i.amzDate, scope, sha256(canonicalRequest)].join('\n');
  const key = hmac(hmac(hmac(hmac('AWS4' + i.secretAccessKey, date), i.region), i.service), 'aws4_request');
  const signature = createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex');
  return {
    canonicalRequest,
    stringToSign,
    signature,
    authorization: `AWS4-HMAC-SHA256 Credential=${i.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  };
}
