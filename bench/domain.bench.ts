/**
 * Pure validation throughput: `npm run bench:domain`. Prints rows/s (median of runs) for a
 * 100.000-row sheet; a benchmark, never a test assertion.
 */
import os from 'node:os';
import { generateMemberSheet } from '../local/src/demo/members.js';
import { validateSheet } from '../functions/src/domain/validate.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

export interface DomainBench {
  rows: number;
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  rowsPerSecond: number;
  accepted: number;
  /** The same validation on smaller sheets (median of runs): linear means the same µs per row. */
  scaling?: { rows: number; medianMs: number; microsPerRow: number }[];
}

const median = (list: number[]): number => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? NaN;

/** Median ms of `runs` validations of a `rows`-row sheet, after a warm-up. */
function timeSheet(rows: number, runs: number): number {
  const values = generateMemberSheet({ year: 2025, members: rows, seed: 7, cardPrefix: 'B' });
  validateSheet(values, { year: 2025 });
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    validateSheet(values, { year: 2025 });
    times.push(performance.now() - start);
  }
  return median(times);
}

export function benchValidation(rows = ROWS, runs = RUNS): DomainBench {
  const values = generateMemberSheet({ year: 2025, members: rows, seed: 7, cardPrefix: 'B' });
  validateSheet(values, { year: 2025, quotaMode: 'warning' }); // warm-up (JIT)
  const times: number[] = [];
  let accepted = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const result = validateSheet(values, { year: 2025 });
    times.push(performance.now() - start);
    accepted = result.rows.length;
  }
  times.sort((a, b) => a - b);
  const medianMs = times[Math.floor(times.length / 2)] ?? NaN;
  const smaller = [1_000, 10_000].filter((n) => n < rows).map((n) => ({ rows: n, medianMs: timeSheet(n, Math.max(runs, 11)) }));
  const scaling = [...smaller, { rows, medianMs }].map((s) => ({ ...s, microsPerRow: (s.medianMs * 1000) / s.rows }));
  return {
    rows,
    runs,
    medianMs,
    scaling,
    minMs: times[0] ?? NaN,
    maxMs: times[times.length - 1] ?? NaN,
    rowsPerSecond: Math.round((rows / medianMs) * 1000),
    accepted,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = benchValidation();
  console.log(`Machine: ${os.cpus()[0]?.model ?? 'unknown'} ×${os.cpus().length}, Node ${process.version}`);
  console.log(
    `validateSheet: ${r.rows} rows, median ${r.medianMs.toFixed(0)} ms (min ${r.minMs.toFixed(0)}, max ${r.maxMs.toFixed(0)}) over ${r.runs} runs → ${r.rowsPerSecond.toLocaleString('en')} rows/s; ${r.accepted} rows accepted`,
  );
  for (const s of r.scaling ?? []) console.log(`  ${String(s.rows).padStart(7)} rows: ${s.medianMs.toFixed(1)} ms, ${s.microsPerRow.toFixed(2)} µs per row`);
  console.log(`load average: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
}
