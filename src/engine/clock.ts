/**
 * Virtual time: the engine's only source of "now". It moves when the cluster advances it,
 * never by itself, so the same commands give the same ages and timestamps every run.
 */

/** Where virtual time starts unless a cluster is told otherwise: Mon, 01 Jul 2024 10:00:00 UTC. */
export const DEFAULT_EPOCH_MS = Date.UTC(2024, 6, 1, 10, 0, 0);

export class Clock {
  private current: number;

  constructor(startMs: number = DEFAULT_EPOCH_MS) {
    this.current = startMs;
  }

  /** Milliseconds since the Unix epoch, in virtual time. */
  now(): number {
    return this.current;
  }

  /** RFC 3339 at second precision, as metav1.Time serialises: `2024-07-01T10:00:00Z`. */
  nowRfc3339(): string {
    return toRfc3339(this.current);
  }

  /** RFC 3339 with microseconds, as metav1.MicroTime serialises. */
  nowMicro(): string {
    return toMicroTime(this.current);
  }

  /** Moves time forward; it never goes back. */
  setTo(ms: number): void {
    if (ms < this.current) throw new Error(`clock cannot go back from ${this.current} to ${ms}`);
    this.current = ms;
  }
}

/** Formatted seconds: status writes stamp the same few instants (container starts and exits) over and over. */
const rfc3339BySecond = new Map<number, string>();

/** Formats epoch milliseconds as metav1.Time does (seconds, UTC, `Z`). */
export function toRfc3339(ms: number): string {
  const second = Math.floor(ms / 1000);
  let text = rfc3339BySecond.get(second);
  if (text === undefined) {
    if (rfc3339BySecond.size >= 4096) rfc3339BySecond.clear();
    // toISOString is `YYYY-MM-DDTHH:MM:SS.000Z` here: whole seconds.
    text = `${new Date(second * 1000).toISOString().slice(0, 19)}Z`;
    rfc3339BySecond.set(second, text);
  }
  return text;
}

let lastMicroMs = NaN;
let lastMicroText = '';

/** Formats epoch milliseconds as metav1.MicroTime does (`2024-07-01T10:00:00.000000Z`). */
export function toMicroTime(ms: number): string {
  // Lease renewals stamp the same instant once per node; remember the last one.
  if (ms !== lastMicroMs) {
    lastMicroText = `${new Date(ms).toISOString().slice(0, 23)}000Z`;
    lastMicroMs = ms;
  }
  return lastMicroText;
}

/** Parses an RFC 3339 timestamp to epoch milliseconds. */
export function parseTime(text: string): number {
  return Date.parse(text);
}
