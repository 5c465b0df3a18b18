import { isPublishedExampleSecret } from '../published-examples';
import { isVaried } from '../keys/key-text';
import type { Rule } from '../types';

/** Key sizes (bytes) of TSIG's HMACs as the BIND tools make them: MD5, SHA-1, SHA-224, SHA-256, SHA-384, SHA-512. */
const TSIG_BYTES = new Set([16, 20, 28, 32, 48, 64]);

/** A TSIG secret (`tsig-keygen`, `rndc-confgen`, `ddns-confgen`): canonical base64 of an HMAC key of its size, as varied as random bytes. */
function isTsigSecret(b64: string): boolean {
  const bytes = Buffer.from(b64, 'base64');
  return bytes.toString('base64') === b64 && TSIG_BYTES.has(bytes.length) && isVaried(bytes, 16);
}

/** A WPA pre-shared key in hex (`wpa_passphrase`, hostapd's `wpa_psk=`): the 32-byte PMK, as varied as random bytes. */
function isWpaPsk(hex: string): boolean {
  const bytes = Buffer.from(hex, 'hex');
  return isVaried(bytes) && !isCounting(bytes) && !isPublishedExampleSecret(hex);
}

/** Bytes that count up one by one (00 01 02 … 1f): a test vector, not a derived key. */
function isCounting(bytes: Uint8Array): boolean {
  for (let i = 1; i < bytes.length; i++) if (bytes[i] !== ((bytes[i - 1] + 1) & 0xff)) return false;
  return true;
}

export const dnsTsigKey: Rule = {
  id: 'dns-tsig-key',
  name: 'DNS TSIG / rndc key',
  provider: 'Generic',
  severity: 'high',
  kind: 'key',
  advice: 'shared-key',
  description:
    'secret "…"; of a BIND key clause (rndc.key from rndc-confgen, tsig-keygen, ddns-confgen): the HMAC key that signs zone updates, transfers and rndc commands, decoded',
  detectors: [
    {
      // `key "rndc-key" { algorithm hmac-sha256; secret "…"; };`, on its own line or in one line.
      keywords: ['secret "'],
      pattern: /(?:^|[{;])\s{0,40}secret\s{1,8}"(?<secret>[A-Za-z0-9+/]{22,172}={0,2})"\s{0,4};/g,
      validate: isTsigSecret,
    },
  ],
  shape: { byStructure: true },
  examples: {
    positive: [
      'key "rndc-key" {\n\talgorithm hmac-sha256;\n\tsecret "{{wg_key}}";\n};',
      'key "ddns" { algorithm hmac-sha512; secret "{{wg_key}}"; };',
    ],
    negative: [
      'secret "{{rep:A:43}}=";',
      '\tsecret "<base64 secret from tsig-keygen>";',
      'secret "hunter2hunter2hunter2hunter2";',
      'const secret = "{{wg_key}}"',
    ],
  },
};

export const wifiPsk: Rule = {
  id: 'wifi-psk',
  name: 'Wi-Fi WPA pre-shared key',
  provider: 'Generic',
  severity: 'high',
  kind: 'key',
  advice: 'password',
  description:
    'psk=<64 hex digits> in a wpa_supplicant network block (wpa_passphrase output) or wpa_psk= in hostapd.conf: the key derived from the Wi-Fi password, decoded',
  detectors: [
    {
      keywords: ['psk='],
      pattern: /^\s{0,40}(?:wpa_)?psk\s{0,4}=\s{0,4}(?<secret>[0-9a-fA-F]{64})\s{0,4}$/g,
      validate: isWpaPsk,
    },
  ],
  shape: { byStructure: true },
  examples: {
    positive: ['network={\n\tssid="Office"\n\tpsk={{hex:64}}\n}', 'wpa_psk={{hex:64}}'],
    negative: [
      '\tpsk={{rep:0:64}}',
      '\tpsk="your wifi password"',
      'sha256={{hex:64}}',
      // wpa_supplicant.conf's documented test vector.
      'network={\n\tssid=00010203\n\tpsk=000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f\n}',
    ],
  },
};
