/**
 * Values stored base64-encoded (Kubernetes Secret `data:`, docker `config.json` "auth"): the
 * detectors that read them decode first and judge the decoded text, and the finding stays at
 * the encoded line (its secret is the encoded value, masked like any other).
 */

/** Standard base64 (with padding) that decodes to printable UTF-8 text without controls, or null. */
export function decodeBase64Text(b64: string): string | null {
  if (b64.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) return null;
  const bytes = Buffer.from(b64, 'base64');
  const text = bytes.toString('utf8');
  if (text.includes('\uFFFD') || /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/.test(text)) return null;
  return text;
}
