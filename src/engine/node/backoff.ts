/**
 * client-go's flowcontrol.Backoff as the kubelet uses it for container restarts (key pod +
 * container) and image pulls (key podUID_image): 10s doubling to 300s, forgotten when the
 * last update is more than twice the maximum ago.
 */

/** kubelet backOffPeriod. */
export const INITIAL_BACKOFF_MS = 10_000;
/** kubelet MaxContainerBackOff (and MaxImageBackOff). */
export const MAX_BACKOFF_MS = 300_000;

interface Entry {
  backoff: number;
  lastUpdate: number;
}

/** A back-off table keyed by string, on virtual time. */
export class Backoff {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly initial = INITIAL_BACKOFF_MS,
    private readonly max = MAX_BACKOFF_MS,
  ) {}

  /** The current back-off of a key (0 when none). */
  get(key: string): number {
    return this.entries.get(key)?.backoff ?? 0;
  }

  /** Records a failure at `eventTime`: starts at the initial period or doubles, capped. */
  next(key: string, eventTime: number): void {
    const e = this.entries.get(key);
    if (!e || this.expired(eventTime, e.lastUpdate)) {
      this.entries.set(key, { backoff: this.initial, lastUpdate: eventTime });
      return;
    }
    e.backoff = Math.min(e.backoff * 2, this.max);
    e.lastUpdate = eventTime;
  }

  /** IsInBackOffSince: less than the back-off has passed since `eventTime` (a crash's finishedAt). */
  inBackOffSince(key: string, eventTime: number, now: number): boolean {
    const e = this.entries.get(key);
    if (!e || this.expired(now, e.lastUpdate)) return false;
    return now - eventTime < e.backoff;
  }

  /** IsInBackOffSinceUpdate: less than the back-off has passed since the last failure. */
  inBackOffSinceUpdate(key: string, now: number): boolean {
    const e = this.entries.get(key);
    if (!e || this.expired(now, e.lastUpdate)) return false;
    return now - e.lastUpdate < e.backoff;
  }

  /** When the current window of a key ends, measured from the last update. */
  windowEnd(key: string): number | undefined {
    const e = this.entries.get(key);
    return e ? e.lastUpdate + e.backoff : undefined;
  }

  /** Forgets a key (a pod deleted). */
  reset(key: string): void {
    this.entries.delete(key);
  }

  private expired(eventTime: number, lastUpdate: number): boolean {
    return eventTime - lastUpdate > 2 * this.max;
  }
}

/**
 * Go's time.Duration.String for a whole number of milliseconds: `796ms`, `1.234s`, `10s`,
 * `1m20s`, `5m0s`.
 */
export function goDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < 1000) return `${ms}ms`;
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const restMs = ms % 60_000;
  const secs = Math.floor(restMs / 1000);
  const frac = restMs % 1000;
  const s = frac ? `${secs}.${String(frac).padStart(3, '0').replace(/0+$/, '')}s` : `${secs}s`;
  if (h > 0) return `${h}h${m}m${s}`;
  if (m > 0) return `${m}m${s}`;
  return s;
}
