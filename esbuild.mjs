// Bundles the extension (and, for the real-VS-Code tests, the integration suite) with esbuild.
//   node esbuild.mjs               development build (source maps)
//   node esbuild.mjs --production  minified, no source maps (what the VSIX ships)
//   node esbuild.mjs --watch       rebuild on change
// Type-checking is separate: `npm run typecheck` (tsc --noEmit).
import * as esbuild from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
  mainFields: ['module', 'main'],
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  logOverride: { 'import-is-undefined': 'error' },
};

const builds = [
  // The VS Code side; './core.js' stays a runtime require of the sibling bundle below.
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode', './core.js'] },
  // The heavy half (undici, zod, jsonc-parser), loaded on first use: see src/core.ts.
  { ...common, entryPoints: ['src/core.ts'], outfile: 'dist/core.js' },
];
if (!production) {
  // The extension-host mocha suite, loaded by the real VS Code through extensionTestsPath.
  builds.push({ ...common, entryPoints: ['test/integration/index.ts'], outfile: 'out/test/integration/index.js', external: ['vscode', 'mocha'] });
}

/**
 * The JSON Schemas VS Code's JSON support uses for hovers and completion are generated from the
 * zod schemas (src/domain/kelviq/product, src/domain/kelviq/plan, src/domain/zaveit/product),
 * never written by hand: bundle the generator, run it, write the file. The plan and Zaveit ones
 * take their currency (and country) names from this Node's Intl data.
 */
async function writeJsonSchema(file, module, generator) {
  const out = await esbuild.build({ ...common, sourcemap: false, minify: false, stdin: {
    contents: `module.exports = require('${module}').${generator}();`, resolveDir: '.', loader: 'ts' }, write: false });
  const mod = { exports: {} };
  new Function('module', 'exports', 'require', out.outputFiles[0].text)(mod, mod.exports, createRequire(import.meta.url));
  mkdirSync('schemas', { recursive: true });
  writeFileSync(file, `${JSON.stringify(mod.exports, null, 2)}\n`);
}

async function main() {
  await writeJsonSchema('schemas/product.schema.json', './src/domain/kelviq/product', 'productDocumentJsonSchema');
  await writeJsonSchema('schemas/plan.schema.json', './src/domain/kelviq/plan', 'planDocumentJsonSchema');
  await writeJsonSchema('schemas/product-settings.schema.json', './src/domain/kelviq/settings', 'settingsDocumentJsonSchema');
  await writeJsonSchema('schemas/zaveit-product.schema.json', './src/domain/zaveit/product', 'zaveitProductJsonSchema');
  if (watch) {
    for (const b of builds) await (await esbuild.context(b)).watch();
    console.log('[esbuild] watching…');
    return;
  }
  await Promise.all(builds.map((b) => esbuild.build(b)));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
