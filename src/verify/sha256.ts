import { createHash, createHmac } from 'node:crypto';

/** What an HMAC-SHA256 request signature (AWS SigV4, Tencent TC3) is built from, for tests to compare. */
export interface Sha256Signed {
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
  authorization: string;
}

export const sha256Hex = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

export const hmacSha256 = (key: string | Buffer, s: string): Buffer => createHmac('sha256', key).update(s, 'utf8').digest();
