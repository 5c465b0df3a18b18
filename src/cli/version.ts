declare const __AK_HOOK_VERSION__: string | undefined;

/** The package version: inlined by the bundler, read from package.json when running from source. */
export function version(): string {
  if (typeof __AK_HOOK_VERSION__ !== 'undefined') return __AK_HOOK_VERSION__;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('../../package.json') as { version: string }).version;
}
