// The printed table (median [min–max] per figure, its budget and PASS/MISS) and the JSON file.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Stats } from './lib/stats';
import { verdictOf, type Row, type Unit } from './model';

function num(value: number, unit: Unit | 'x'): string {
  if (unit === 'requests') return String(Math.round(value));
  if (unit === 'KB') return value.toFixed(0);
  if (unit === 'MB') return value.toFixed(1);
  if (unit === 'x') return value.toFixed(2);
  return Math.abs(value) < 1 ? value.toFixed(3) : Math.abs(value) < 10 ? value.toFixed(2) : value.toFixed(1);
}

function cell(stats: Stats | undefined, unit: Unit | 'x'): string {
  if (!stats) return '';
  const suffix = unit === 'x' ? '×' : unit === 'requests' ? '' : ` ${unit}`;
  if (stats.samples.length === 1) return `${num(stats.median, unit)}${suffix}`;
  return `${num(stats.median, unit)}${suffix} [${num(stats.min, unit)}–${num(stats.max, unit)}]`;
}

export function formatTable(rows: readonly Row[]): string {
  const header = ['figure', 'latency', 'extension: median [min–max]', 'ideal', 'ratio', 'budget', 'verdict', 'note'];
  const body = rows.map((r) => [
    r.label,
    r.pass ?? '',
    cell(r.ext, r.unit),
    r.ideal ? `${cell(r.ideal, r.unit)} (${r.idealLabel ?? 'raw'})` : '',
    cell(r.ratio, 'x'),
    r.budget?.text ?? '',
    verdictOf(r),
    r.note ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((line) => (line[i] as string).length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...body.map(line)].join('\n');
}

export interface Report {
  mode: 'full' | 'smoke';
  config: Record<string, unknown>;
  rows: Row[];
  diagnostics: Record<string, unknown>;
  durationS: number;
}

export function writeJson(file: string, report: Report): void {
  const cpu = os.cpus();
  const data = {
    generatedAt: new Date().toISOString(),
    machine: { cpus: cpu.length, cpuModel: cpu[0]?.model, node: process.version, platform: `${os.platform()} ${os.release()}`, memoryGB: Math.round(os.totalmem() / 2 ** 30) },
    ...report,
    rows: report.rows.map((r) => ({ ...r, verdict: verdictOf(r) })),
    missed: report.rows.filter((r) => verdictOf(r) === 'MISS').map((r) => `${r.label}${r.pass ? ` @ ${r.pass}` : ''}`),
  };
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
}
