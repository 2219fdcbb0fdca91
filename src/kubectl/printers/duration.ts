/**
 * kubectl's short durations (apimachinery/pkg/util/duration.HumanDuration), used for AGE,
 * LAST SEEN, RESTARTS "(45s ago)" and describe's event ages.
 */

/** Formats a span in milliseconds exactly as HumanDuration does. */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.trunc(seconds / 60);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.trunc(minutes / 60);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365;
    return dy === 0 ? `${Math.trunc(hours / 24 / 365)}y` : `${Math.trunc(hours / 24 / 365)}y${dy}d`;
  }
  return `${Math.trunc(hours / 24 / 365)}y`;
}

// Parsed timestamps: AGE is computed for every row of `get -A`, and Date.parse was a
// visible share of it; a list's objects share few distinct creation seconds. Cleared
// when full so a long session cannot grow it without bound.
const parsed = new Map<string, number>();
const PARSED_LIMIT = 4096;

function parseTime(timestamp: string): number {
  let t = parsed.get(timestamp);
  if (t === undefined) {
    if (parsed.size >= PARSED_LIMIT) parsed.clear();
    t = Date.parse(timestamp);
    parsed.set(timestamp, t);
  }
  return t;
}

/** The age of a timestamp at `now`, or `<unknown>` for a missing one. */
export function age(timestamp: string | null | undefined, now: number): string {
  if (!timestamp) return '<unknown>';
  return humanDuration(now - parseTime(timestamp));
}
