// After `vsce package`: the VSIX ships only what users need, within the size budget.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
// 450 KB since uploads, images and settings (the storage client, the upload flows, the settings schema with every currency): 404 KB then.
const BUDGET_BYTES = 450 * 1024;
const ALLOWED = [/^dist\/(extension|core)\.js$/, /^media\//, /^schemas\/[\w.-]+\.json$/, /^package\.json$/, /^README\.md$/, /^CHANGELOG\.md$/, /^LICENSE$/];

const listed = spawnSync('npx', ['--no-install', 'vsce', 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' });
if (listed.status !== 0) throw new Error(`vsce ls failed: ${listed.stderr}`);
const files = listed.stdout.split('\n').map((l) => l.trim()).filter(Boolean);
const unexpected = files.filter((f) => !ALLOWED.some((re) => re.test(f)));
const size = statSync(path.join(root, 'kelviq-catalog.vsix')).size;
const problems = [
  ...unexpected.map((f) => `unexpected file in the VSIX: ${f} (see .vscodeignore)`),
  ...['dist/extension.js', 'dist/core.js'].filter((f) => !files.includes(f)).map((f) => `${f} is missing from the VSIX`),
  ...(size > BUDGET_BYTES ? [`the VSIX is ${(size / 1024).toFixed(0)} KB, over the ${BUDGET_BYTES / 1024} KB budget`] : []),
];
if (problems.length > 0) {
  process.stderr.write(`check-vsix: FAILED\n  ${problems.join('\n  ')}\n`);
  process.exit(1);
}
process.stdout.write(`check-vsix: ${files.length} files, ${(size / 1024).toFixed(0)} KB (budget ${BUDGET_BYTES / 1024} KB)\n`);
