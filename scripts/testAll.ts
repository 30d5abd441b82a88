// `npm test`: every stage, in order, each ending with a summary line; the last line totals the
// tests of every stage as "N passed, N failed". A failed stage does not stop the later ones
// (one run shows everything that is wrong) unless a later stage needs its output.
import { spawn } from 'node:child_process';
import path from 'node:path';

interface Stage {
  name: string;
  command: string[];
  /** Later stages cannot run without this one. */
  gate?: boolean;
  /** The stage runs mocha: its "N passing / N failing" lines are counted. */
  counts?: boolean;
}

const root = path.resolve(__dirname, '..');
const npx = (...args: string[]) => ['npx', '--no-install', ...args];

const stages: Stage[] = [
  { name: 'lint', command: npx('eslint', '.') },
  { name: 'typecheck', command: npx('tsc', '--noEmit', '-p', '.') },
  { name: 'build', command: ['node', 'esbuild.mjs'], gate: true },
  { name: 'package', command: ['npm', 'run', '--silent', 'package'], gate: true },
  { name: 'unit', command: npx('mocha'), counts: true },
  { name: 'real VS Code setup', command: npx('tsx', 'scripts/setupRealVscode.ts'), gate: true },
  { name: 'integration', command: npx('tsx', 'test/integration/runWeb.ts'), counts: true },
  { name: 'e2e', command: npx('mocha', '--config', 'test/e2e/.mocharc.json'), counts: true },
  // A tiny benchmark run (figures, no budgets enforced) so the benchmark cannot rot.
  { name: 'bench smoke', command: npx('tsx', 'bench/run.ts', '--smoke') },
];

interface Result {
  name: string;
  ok: boolean;
  seconds: number;
  passed?: number;
  failed?: number;
  skipped?: boolean;
}

function runStage(stage: Stage): Promise<Result> {
  const started = Date.now();
  process.stdout.write(`\n=== ${stage.name}: ${stage.command.join(' ')}\n`);
  return new Promise((resolve) => {
    const [cmd, ...args] = stage.command;
    const child = spawn(cmd as string, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    let out = '';
    const take = (sink: NodeJS.WriteStream) => (chunk: Buffer) => {
      const text = chunk.toString();
      out += text;
      sink.write(text);
    };
    child.stdout.on('data', take(process.stdout));
    child.stderr.on('data', take(process.stderr));
    child.on('close', (code) => {
      const result: Result = { name: stage.name, ok: code === 0, seconds: (Date.now() - started) / 1000 };
      if (stage.counts) {
        result.passed = lastNumber(out, /(\d+) passing/g);
        result.failed = lastNumber(out, /(\d+) failing/g);
        // A mocha stage that ran nothing, or crashed before its summary, is a failure.
        if (result.passed + result.failed === 0) result.ok = false;
      }
      resolve(result);
    });
  });
}

function lastNumber(text: string, re: RegExp): number {
  let n = 0;
  for (const m of text.matchAll(re)) n = Number(m[1]);
  return n;
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const results: Result[] = [];
  let gateFailed = false;
  for (const stage of stages) {
    if (only.length > 0 && !only.includes(stage.name)) continue;
    if (gateFailed) {
      results.push({ name: stage.name, ok: false, seconds: 0, skipped: true });
      continue;
    }
    const result = await runStage(stage);
    results.push(result);
    if (!result.ok && stage.gate) gateFailed = true;
  }
  process.stdout.write('\n=== summary\n');
  let passed = 0;
  let failed = 0;
  for (const r of results) {
    const counts = r.passed !== undefined ? ` (${r.passed} passed, ${r.failed} failed)` : '';
    const status = r.skipped ? 'SKIPPED (an earlier stage failed)' : r.ok ? 'ok' : 'FAILED';
    process.stdout.write(`${r.name.padEnd(20)} ${status}${counts} ${r.seconds.toFixed(1)} s\n`);
    passed += r.passed ?? 0;
    // A failed stage counts its failed tests, or one failure when it has none to count.
    failed += r.ok ? (r.failed ?? 0) : Math.max(r.failed ?? 0, 1);
  }
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  process.exit(results.every((r) => r.ok) ? 0 : 1);
}

void main();
