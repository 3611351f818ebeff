/** Timing helpers for the benchmark: medians of repeated runs, sync or async. */
export interface Timing {
  median: number;
  p90: number;
  runs: number;
}

function summarize(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p90: at(0.9), runs: samples.length };
}

export async function time(fn: () => unknown, runs = 15, warmup = 2): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return summarize(samples);
}

export function fmtMs(ms: number): string {
  return ms < 10 ? ms.toFixed(2) : ms.toFixed(1);
}

export interface Row {
  what: string;
  ms: number;
  rawMs?: number;
  target?: { ms?: number; ratio?: number };
}

export function printTable(title: string, rows: Row[]): boolean {
  let ok = true;
  console.log(`\n${title}`);
  console.log(`${'measure'.padEnd(44)} ${'median ms'.padStart(10)} ${'raw ms'.padStart(8)} ${'ratio'.padStart(6)}  verdict`);
  for (const r of rows) {
    const ratio = r.rawMs ? r.ms / r.rawMs : undefined;
    const fails: string[] = [];
    if (r.target?.ms !== undefined && r.ms > r.target.ms) fails.push(`> ${r.target.ms} ms`);
    if (r.target?.ratio !== undefined && ratio !== undefined && ratio > r.target.ratio) fails.push(`> ${r.target.ratio}x`);
    if (fails.length) ok = false;
    console.log(
      `${r.what.padEnd(44)} ${fmtMs(r.ms).padStart(10)} ${(r.rawMs !== undefined ? fmtMs(r.rawMs) : '').padStart(8)} ${(ratio !== undefined ? ratio.toFixed(2) : '').padStart(6)}  ${r.target ? (fails.length ? `MISS ${fails.join(', ')}` : 'ok') : ''}`,
    );
  }
  return ok;
}
