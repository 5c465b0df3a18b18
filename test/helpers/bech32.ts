/** A bech32 encoder (BIP 173) for test keys: age identities are bech32 of a 32-byte X25519 secret. */
const CHARSET = ['qpzry9x8', 'gf2tvdw0', 's3jn54kh', 'ce6mua7l'].join('');
const GEN = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];

function polymod(values: number[]): number {
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk ^= GEN[i];
  }
  return chk >>> 0;
}

/** 8-bit bytes regrouped into 5-bit words, the last one padded with zero bits. */
function toWords(bytes: Uint8Array): number[] {
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const b of bytes) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out.push((acc >>> bits) & 31);
    }
  }
  if (bits > 0) out.push((acc << (5 - bits)) & 31);
  return out;
}

export function bech32(hrp: string, bytes: Uint8Array): string {
  const data = toWords(bytes);
  const expanded = [...[...hrp].map((c) => c.charCodeAt(0) >> 5), 0, ...[...hrp].map((c) => c.charCodeAt(0) & 31)];
  const mod = polymod([...expanded, ...data, 0, 0, 0, 0, 0, 0]) ^ 1;
  const check = Array.from({ length: 6 }, (_, i) => (mod >>> (5 * (5 - i))) & 31);
  return hrp + '1' + [...data, ...check].map((v) => CHARSET[v]).join('');
}

/** `AGE-SECRET-KEY-1…`, as age-keygen prints it. */
export function ageSecretKey(secret: Uint8Array): string {
  return bech32('age-secret-key-', secret).toUpperCase();
}
