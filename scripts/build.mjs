// Bundles the library and the CLI into one file, dist/index.js (fast start-up: one file to
// load). The bin, dist/cli.js, is a few lines that require it. isomorphic-git stays external
// and is required lazily, only by its backend (an optional peer dependency). The YAML parser
// is bundled apart (dist/yaml.js) and required only when a YAML config exists; so is re2js
// (dist/re2.js), required only when a config has a user regex (src/config/user-regex.ts),
// and the JSON Schema compiled by ajv (dist/schema-check.js), required only when a config exists.
// Types: `tsc -p tsconfig.types.json` (dist/types/).
import { build } from 'esbuild';
import { readFileSync, chmodSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

// The JSON Schema compiled into the config validator's structural check (src/config/validate.ts).
const { OUT, schemaCheckSource } = createRequire(import.meta.url)('./schema-check.cjs');
const schemaCheck = schemaCheckSource();
if (!existsSync(OUT) || readFileSync(OUT, 'utf8') !== schemaCheck) writeFileSync(OUT, schemaCheck);
const lazyYaml = {
  name: 'lazy-yaml',
  setup(b) {
    b.onResolve({ filter: /^yaml$/ }, () => ({ path: './yaml.js', external: true }));
    b.onResolve({ filter: /^re2js$/ }, () => ({ path: './re2.js', external: true }));
    b.onResolve({ filter: /schema-check\.generated$/ }, () => ({ path: './schema-check.js', external: true }));
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
// The bin's `import { run } from './run'` becomes `require('./index.js')`: one copy of the code.
const binUsesIndex = {
  name: 'bin-uses-index',
  setup(b) {
    b.onResolve({ filter: /^\.\/run$/ }, (a) => (a.importer.endsWith('bin.ts') ? { path: './index.js', external: true } : undefined));
  },
};
const common = {
  bundle: true,
  // Non-ASCII text (the zh messages) stays UTF-8: smaller, and no \uXXXX runs for a scanner to misread.
  charset: 'utf8',
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['isomorphic-git', 'iconv-lite'],
  define: { __AK_HOOK_VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
  legalComments: 'none',
  plugins: [lazyYaml, lazyVerify],
};
rmSync('dist', { recursive: true, force: true });
await Promise.all([
  build({ ...common, entryPoints: ['src/index.ts'], outfile: 'dist/index.js' }),
  build({ ...common, plugins: [binUsesIndex], entryPoints: ['src/cli/bin.ts'], outfile: 'dist/cli.js' }),
  build({ ...common, plugins: [], entryPoints: ['scripts/yaml-entry.cjs'], outfile: 'dist/yaml.js', minify: true }),
  build({ ...common, plugins: [], entryPoints: ['scripts/re2-entry.cjs'], outfile: 'dist/re2.js', minify: true }),
  build({ ...common, entryPoints: ['src/verify/index.ts'], outfile: 'dist/verify.js' }),
  build({ ...common, entryPoints: ['src/doctor/index.ts'], outfile: 'dist/doctor.js' }),
  build({ ...common, plugins: [], entryPoints: ['src/config/schema-check.generated.js'], outfile: 'dist/schema-check.js', minify: true }),
]);
chmodSync('dist/cli.js', 0o755);

// The .d.ts files of the public API (dist/types/), from the same sources.
const tsc = path.join(path.dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin/tsc');
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.types.json'], { stdio: 'inherit' });

// The hook entry with the shell prefilter, generated from the rules (see src/prefilter/).
await build({ ...common, entryPoints: ['src/prefilter/emit.ts'], outfile: 'dist/.emit-pre-commit.cjs' });
execFileSync(process.execPath, ['dist/.emit-pre-commit.cjs', 'dist/pre-commit.sh']);
rmSync('dist/.emit-pre-commit.cjs');

// V8's code cache of the bundle, for the bin on Node < 22.1 (src/cli/load-bundle.ts): made by
// loading dist/index.js as the bin does and running a clean and a blocked check in a scratch
// repository. Only when building on such a Node (a cache is only valid for the Node that made it).
if (!createRequire(import.meta.url)('node:module').enableCompileCache) {
  await build({ ...common, entryPoints: ['scripts/code-cache-entry.ts'], outfile: 'dist/.code-cache.cjs' });
  execFileSync(process.execPath, ['dist/.code-cache.cjs', path.resolve('dist/index.js'), path.resolve('dist/index.cache')], {
    stdio: 'inherit',
  });
  rmSync('dist/.code-cache.cjs');
}
