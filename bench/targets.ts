/** Figures with the target an issue sets for them, for the kubectl and lesson benchmarks. */
import { measure, type Figure } from './measure.js';

/** A figure, and the issue's target for it when it has one. */
export interface TargetFigure extends Figure {
  /** `< 20 ms: ok`, `< 2 ms: MISSED`. */
  readonly target?: string;
}

/**
 * CPU time per call after one warm-up call (the first call pays for JIT compilation and
 * lazily built tables, which a learner pays once per session, not per command).
 */
export function cpuPerCall(name: string, fn: () => unknown, times: number): Figure {
  fn();
  return measure(name, fn, times);
}

/** The figure with its target and whether it meets it. */
export function withTarget(figure: Figure, target: number, unit: 'ms' | 's' = 'ms'): TargetFigure {
  const ok = figure.cpuMs < (unit === 's' ? target * 1000 : target);
  return { ...figure, target: `< ${target} ${unit}: ${ok ? 'ok' : 'MISSED'}` };
}

/** Prints figures as measure's report does, with the target after each that has one. */
export function reportTargets(figures: readonly TargetFigure[]): void {
  for (const f of figures) {
    const cpu = f.cpuMs.toFixed(f.cpuMs < 10 ? 3 : 0).padStart(9);
    console.log(`${f.name.padEnd(72)} ${cpu} ms CPU   ${f.heapMb.toFixed(0).padStart(5)} MB heap${f.target ? `   target ${f.target}` : ''}`);
  }
}
