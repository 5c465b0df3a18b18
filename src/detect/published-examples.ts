import { createHash } from '../text/crypto';

/**
 * SHA-256 digests of the Google API keys published as examples in the Firebase SDKs'
 * sources and docs (github.com/firebase/firebase-android-sdk; the same list gitleaks allows),
 * and of those the Google Cloud CLI embeds: public samples and clients, not credentials. Kept as digests so that no key-shaped literal sits here.
 */
export const PUBLISHED_EXAMPLE_KEYS: ReadonlySet<string> = new Set([
  'f56e323494a6ffc2064e7a955908957d84f0755e5f975dabd64328d0359a8f7c',
  '2037abcaffb2b77785da716cf7ccff4ff4d00c4ea930db0167b7d71f50af7eb4',
  '3f370c9dd8225c63b5c77de1f785edc9712958f18bb612d5fa2e0ae33aeca682',
  'e4a5542bb7fd7b67e943c71ad29c34b5972c9840597e7eda53e666f44d5da0b9',
  'a19f89ab3555eac10c40741f6df79ecf0935998f15569f8db9d67bce0181fff6',
  '0b476bdf9acf2123d547b5ae76f1e59884d8ec9553ee0c47e9f31fd4768f3f3c',
  'eb540d2b6ee2a0a47c5779bc8a0141784c6b753840d4c6f4e2428a6e86e9e0b1',
  '37f8f09bdf12c2f2eae4ead7273a62ddb0c23459cbf902892f282b57f7ed6619',
  '8731261cb72d86267a32a532ebd3df429e2144e5e4ced7e13568bc9e6c8fb1b1',
  '49f777db995e8260da7ca9ffdf0c08d66f0453e97ec967018baf2cdfe3b582d0',
  '27a9a42931dff7eb2f8434e20a9bce976ea364e7bee49187f19d5cfeca9c7045',
  'dc0fcf046c61640cbd1e8b999ada3262d722c2ca4bf42dceac999020ffdbb614',
  '4c98242dcadc8b29005c6b4aad526552d5ea1842149154c0694adeec75847583',
  'ea9bb1082cf95663f5faca23b8b15ef2aa0fce0a5c6df9c32dcb85b2e0a4513d',
  '3a8b61d0f636b007840c0d40ba12bcf48465dc054cdc1a68704a33521d84b665',
  'a6c814bc555ae62c7bd8b58ec07bf559c7ed3a009976a1e0acc9cef0d4473b41',
  // The keys the Google Cloud CLI ships in every install: gcloud's error and crash reporting
  // (googlecloudsdk/command_lib/crash_handling.py) and gsutil's default JSON API key (gslib):
  // Google's own client keys, public by design.
  '6189b36d964849f34370088524ad63c235eba30974ee3da0d966ed6bac16b50d',
  'a73b3ad3b416d981fce267795785aee45bf39224fa07ce8a2e2f5a9fa89ef979',
  'b3f19cc85129501b94306e7892b522f46fa2dcda7da664cc74a0ca9314d7d984',
]);

/** False for a published example key. */
export function notPublishedExample(key: string): boolean {
  return !PUBLISHED_EXAMPLE_KEYS.has(createHash('sha256').update(key).digest('hex'));
}

/**
 * SHA-256 digests of the example passwords that cloud vendors publish in their official SDKs'
 * API documentation, copied into every release of those packages: the AWS IAM and Storage
 * Gateway examples (aws-sdk, @aws-sdk/client-iam, @aws-sdk/client-storage-gateway) and the
 * Alibaba Cloud ECS RunInstances example (@alicloud/ecs20140526). Digests, so no password sits here.
 */
export const PUBLISHED_EXAMPLE_PASSWORDS: ReadonlySet<string> = new Set([
  'e6c2d3455587c47ccdd3df1271882656bc27be85f8eb6576eea35fe1aafa172a',
  'ce4c9cdcf4277d15792dfdb6671dd96f67d2b12b35ee3e79ced10e4ef4f318cc',
  '143a54d093f18549a88e5a50e8c6d21fa28454031a4dbda0d0c0cadf45b6cfad',
  '44bdb3bbbae14f463598442a52e6dd4e2ab1f0d9a74692e739983a3d316292d5',
  // The EAP-PSK example of wpa_supplicant's documented wpa_supplicant.conf (shipped by wpasupplicant).
  '24c6350048dc2d0877ab8589f83cefc479bbe2bc023666977f911acea7321541',
]);

/** True for an example password published in a vendor SDK's documentation. */
export function isPublishedExamplePassword(value: string): boolean {
  return PUBLISHED_EXAMPLE_PASSWORDS.has(createHash('sha256').update(value).digest('hex'));
}

/**
 * SHA-256 digests of secret keys published for anyone to use: the credentials of MinIO's public
 * playground (play.min.io), printed in the README of every MinIO SDK, and the sample Wi-Fi PSK of
 * wpa_supplicant's documented config. Digests, so no key sits here.
 */
export const PUBLISHED_EXAMPLE_SECRETS: ReadonlySet<string> = new Set([
  'df452eef23e8cf2c74af54c0c7419c05a5ec70ef4d5c2eb04082b02af8c55598',
  // The PSK of the example networks in wpa_supplicant's documented wpa_supplicant.conf.
  'cdd45c59bae1ff959009ce8d663f62506da07a9749ea2ed65a4f9afb1bd963db',
]);

/** True for a secret key published for public use. */
export function isPublishedExampleSecret(value: string): boolean {
  return PUBLISHED_EXAMPLE_SECRETS.has(createHash('sha256').update(value).digest('hex'));
}
