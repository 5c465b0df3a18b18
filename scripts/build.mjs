// Bundles the CLI and the library into single files (fast start-up: one file to load).
// iconv-lite and isomorphic-git stay external and are required lazily, only when needed.
// The YAML parser is bundled apart (dist/yaml.js) and required only when a YAML config exists;
// so is re2js (dist/re2.js), required only when a config has a user regex (src/config/user-regex.ts).
import { build } from 'esbuild';
import { readFileSync, chmodSync, rmSync, copyFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const lazyYaml = {
  name: 'lazy-yaml',
  setup(b) {
    b.onResolve({ filter: /^yaml$/ }, () => ({ path: './yaml.js', external: true }));
    b.onResolve({ filter: /^re2js$/ }, () => ({ path: './re2.js', external: true }));
  },
};
// The verify (network, signing) and doctor libraries are bundled apart too: only `verify` /
// `check --verify` and `doctor` load them (src/cli/load-verify.ts, load-doctor.ts).
const lazyVerify = {
  name: 'lazy-verify-doctor',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/(verify|doctor)\/index$/ }, (a) =>
      a.kind === 'require-call' ? { path: `./${a.path.split('/')[1]}.js`, external: true } : undefined,
    );
  },
};
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['iconv-lite', 'isomorphic-git'],
  define: { __AK_HOOK_VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
  legalComments: 'none',
  plugins: [lazyYaml, lazyVerify],
};
await Promise.all([
  build({ ...common, entryPoints: ['src/cli/bin.ts'], outfile: 'dist/cli-main.js' }),
  build({ ...common, entryPoints: ['src/index.ts'], outfile: 'dist/index.js' }),
  build({ ...common, plugins: [], entryPoints: ['scripts/yaml-entry.cjs'], outfile: 'dist/yaml.js', minify: true }),
  build({ ...common, plugins: [], entryPoints: ['scripts/re2-entry.cjs'], outfile: 'dist/re2.js', minify: true }),
  build({ ...common, entryPoints: ['src/verify/index.ts'], outfile: 'dist/verify.js' }),
  build({ ...common, entryPoints: ['src/doctor/index.ts'], outfile: 'dist/doctor.js' }),
]);
// The bin is a tiny loader that runs cli-main.js through a V8 code cache (scripts/cli-loader.cjs).
copyFileSync('scripts/cli-loader.cjs', 'dist/cli.js');
rmSync('dist/.cli-main.cache', { force: true });
chmodSync('dist/cli.js', 0o755);

// The hook entry with the shell prefilter, generated from the rules (see src/prefilter/).
await build({ ...common, entryPoints: ['src/prefilter/emit.ts'], outfile: 'dist/.emit-pre-commit.cjs' });
execFileSync(process.execPath, ['dist/.emit-pre-commit.cjs', 'dist/pre-commit.sh']);
rmSync('dist/.emit-pre-commit.cjs');
