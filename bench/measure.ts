/** Measuring CPU time and heap for `npm run bench`. */

export interface Figure {
  readonly name: string;
  /** CPU milliseconds per run (user + system). */
  readonly cpuMs: number;
  /** Peak heap seen, in MB. */
  readonly heapMb: number;
}

/** Runs `fn` `times` times and returns the CPU time per run and the heap afterwards. */
export function measure(name: string, fn: () => unknown, times = 1): Figure {
  (globalThis as { gc?: () => void }).gc?.();
  const start = process.cpuUsage();
  let peak = process.memoryUsage().heapUsed;
  for (let i = 0; i < times; i++) {
    fn();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  const used = process.cpuUsage(start);
  return { name, cpuMs: (used.user + used.system) / 1000 / times, heapMb: peak / 1024 / 1024 };
}

/** Prints figures as aligned lines. */
export function report(figures: readonly Figure[]): void {
  for (const f of figures) console.log(`${f.name.padEnd(72)} ${f.cpuMs.toFixed(f.cpuMs < 10 ? 3 : 0).padStart(9)} ms CPU   ${f.heapMb.toFixed(0).padStart(5)} MB heap`);
}
