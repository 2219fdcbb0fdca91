/**
 * resource.Quantity: parsing and formatting `100m`, `1.5`, `128Mi`, `1G`, `2e3` the way
 * the API server accepts them. Values are kept as floats in base units (cores, bytes).
 */

/** A parsed quantity: its value in base units and the suffix family it was written in. */
export interface Quantity {
  readonly value: number;
  readonly format: 'BinarySI' | 'DecimalSI' | 'DecimalExponent';
}

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

const PATTERN = /^([+-]?(?:\d+\.?\d*|\.\d+))(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;

/** Parses a quantity string (or number), or undefined when the server would reject it. */
export function parseQuantity(input: string | number | undefined | null): Quantity | undefined {
  if (input === undefined || input === null) return undefined;
  if (typeof input === 'number') return Number.isFinite(input) ? { value: input, format: 'DecimalSI' } : undefined;
  const m = PATTERN.exec(input.trim());
  if (!m || input.trim() !== input) return undefined;
  const n = Number(m[1]);
  const suffix = m[2] ?? '';
  if (suffix in BINARY) return { value: n * BINARY[suffix]!, format: 'BinarySI' };
  if (suffix in DECIMAL) return { value: n * DECIMAL[suffix]!, format: 'DecimalSI' };
  return { value: n * 10 ** Number(suffix.slice(1)), format: 'DecimalExponent' };
}

/** The quantity in thousandths, rounded up as Quantity.MilliValue does. */
export function milliValue(q: Quantity | undefined): number {
  return q ? Math.ceil(Math.round(q.value * 1e6) / 1e3) : 0;
}

/** Sum of quantities in base units. */
export function sumQuantities(values: readonly (Quantity | undefined)[]): number {
  return values.reduce((acc, q) => acc + (q?.value ?? 0), 0);
}

/**
 * Formats a base-unit value canonically as Quantity.String does: binary suffixes for
 * BinarySI when exact, milli for fractional DecimalSI, plain integers otherwise.
 */
export function formatQuantity(value: number, format: Quantity['format'] = 'DecimalSI'): string {
  if (value === 0) return '0';
  if (format === 'BinarySI') {
    for (const suffix of ['Ei', 'Pi', 'Ti', 'Gi', 'Mi', 'Ki']) {
      const unit = BINARY[suffix]!;
      if (Math.abs(value) >= unit && value % unit === 0) return `${value / unit}${suffix}`;
    }
    if (Number.isInteger(value)) return String(value);
  }
  const milli = Math.round(value * 1000);
  if (milli % 1000 !== 0) return `${milli}m`;
  const whole = milli / 1000;
  for (const [suffix, unit] of [['E', 1e18], ['P', 1e15], ['T', 1e12], ['G', 1e9], ['M', 1e6], ['k', 1e3]] as const) {
    if (Math.abs(whole) >= unit && whole % unit === 0) return `${whole / unit}${suffix}`;
  }
  return String(whole);
}

/** Formats a cpu amount in cores as kubectl prints requests: `100m`, `1`, `1500m`. */
export function formatCpu(cores: number): string {
  return formatQuantity(cores, 'DecimalSI');
}
