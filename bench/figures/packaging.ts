// Figure 5b: the production bundle and the VSIX, built from the current sources in a scratch
// folder under .run/, so the shared dist/ (which concurrent test runs load) is never touched.
// The scratch folder is then a faithful installed-extension layout for the activation run.
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { summarize } from '../lib/stats';
import { BUDGETS, type Row } from '../model';

const run = promisify(execFile);
export const repoRoot = path.resolve(__dirname, '..', '..');
/** What .vscodeignore lets into the VSIX, besides the build outputs (dist/, schemas/). */
const SHIPPED = ['package.json', '.vscodeignore', 'README.md', 'CHANGELOG.md', 'LICENSE', 'media'];

export interface PackagedExtension {
  /** An extension folder (package.json + production dist/extension.js + assets). */
  dir: string;
  rows: Row[];
  dispose(): void;
}

/**
 * The arguments `npm run package` gives vsce (package.json's "package" script), minus its
 * `--out`; `package --no-dependencies` if the script does not call vsce.
 */
export function vsceArgs(): string[] {
  const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const script = pkg.scripts?.package ?? '';
  const match = /\bvsce\s+(package\b[^&|;]*)/.exec(script);
  if (!match?.[1]) return ['package', '--no-dependencies'];
  const args = match[1].trim().split(/\s+/);
  const out = args.indexOf('--out');
  if (out >= 0) args.splice(out, 2);
  return args;
}

export async function packageExtension(withVsix: boolean): Promise<PackagedExtension> {
  const scratch = path.join(repoRoot, '.run'); // git-ignored; absent in a fresh clone
  mkdirSync(scratch, { recursive: true });
  const dir = mkdtempSync(path.join(scratch, 'bench-extension-'));
  const dispose = (): void => {
    rmSync(path.join(dir, 'src'), { force: true }); // the link to the repo's src/, if still there (never followed)
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    return { dir, rows: await build(dir, withVsix), dispose };
  } catch (err) {
    dispose();
    throw err;
  }
}

async function build(dir: string, withVsix: boolean): Promise<Row[]> {
  for (const name of SHIPPED) if (existsSync(path.join(repoRoot, name))) cpSync(path.join(repoRoot, name), path.join(dir, name), { recursive: true });
  // esbuild.mjs builds `src/extension.ts` into `dist/` relative to its working directory.
  symlinkSync(path.join(repoRoot, 'src'), path.join(dir, 'src'));
  await run(process.execPath, [path.join(repoRoot, 'esbuild.mjs'), '--production'], { cwd: dir });
  rmSync(path.join(dir, 'src'));
  // dist/extension.js is what activation loads; dist/core.js is loaded on first use.
  const rows: Row[] = ['extension', 'core'].map((name) => {
    const bundle = path.join(dir, 'dist', `${name}.js`);
    const gzipped = gzipSync(readFileSync(bundle)).length;
    return {
      id: name === 'extension' ? 'bundle' : 'coreBundle',
      label: `dist/${name}.js (production)`,
      unit: 'KB',
      ext: summarize([statSync(bundle).size / 1024]),
      note: `${Math.round(gzipped / 1024)} KB gzipped${name === 'core' ? ', loaded on first use' : ', loaded on activation'}`,
    };
  });
  if (withVsix) {
    const vsix = path.join(dir, 'kelviq-catalog.vsix');
    const vsce = path.join(repoRoot, 'node_modules', '.bin', 'vsce');
    await run(vsce, [...vsceArgs(), '--out', vsix], { cwd: dir });
    rows.push({ id: 'vsix', label: 'VSIX', unit: 'KB', ext: summarize([statSync(vsix).size / 1024]), budget: BUDGETS.vsix });
    rmSync(vsix);
  }
  return rows;
}
