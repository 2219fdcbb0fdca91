/**
 * Fills the placeholders of catalog log lines and pages: timestamps in each program's own
 * format, the hostname, the pod IP, env values. Times are virtual.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const p2 = (n: number): string => String(n).padStart(2, '0');
const p3 = (n: number): string => String(n).padStart(3, '0');

/** A timestamp in one of the formats the catalog's programs log with. */
export function formatTime(kind: string, ms: number): string {
  const d = new Date(ms);
  const Y = d.getUTCFullYear();
  const M = p2(d.getUTCMonth() + 1);
  const D = p2(d.getUTCDate());
  const hms = `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
  const milli = p3(d.getUTCMilliseconds());
  switch (kind) {
    case 'nginx': case 'go': return `${Y}/${M}/${D} ${hms}`;
    case 'pg': return `${Y}-${M}-${D} ${hms}.${milli} UTC`;
    case 'pgshort': return `${Y}-${M}-${D} ${hms} UTC`;
    case 'redis': return `${D} ${MONTHS[d.getUTCMonth()]} ${Y} ${hms}.${milli}`;
    case 'mysql': return `${Y}-${M}-${D}T${hms}.${milli}000Z`;
    case 'mysqlentry': return `${Y}-${M}-${D} ${hms}+00:00`;
    case 'mongo': return `${Y}-${M}-${D}T${hms}.${milli}+00:00`;
    case 'httpd': return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${D} ${hms}.${milli}000 ${Y}`;
    case 'klog': return `${M}${D} ${hms}.${milli}000`;
    case 'fluentd': return `${Y}-${M}-${D} ${hms} +0000`;
    case 'rabbit': return `${Y}-${M}-${D} ${hms}.${milli}000+00:00`;
    case 'access': return `${D}/${MONTHS[d.getUTCMonth()]}/${Y}:${hms} +0000`;
    default: return d.toISOString();
  }
}

/** What a template may refer to. */
export interface TemplateVars {
  readonly now: number;
  readonly hostname: string;
  readonly ip?: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly clientIp?: string;
}

/** Expands `{time:KIND}`, `{hostname}`, `{ip}`, `{epoch}`, `{clientip}`, `{env:NAME}`. */
export function fillTemplate(text: string, vars: TemplateVars): string {
  return text.replace(/\{(time:[a-z]+|hostname|ip|epoch|clientip|env:[A-Za-z_][A-Za-z0-9_]*)\}/g, (_m, key: string) => {
    if (key.startsWith('time:')) return formatTime(key.slice(5), vars.now);
    if (key.startsWith('env:')) return vars.env?.[key.slice(4)] ?? '';
    switch (key) {
      case 'hostname': return vars.hostname;
      case 'ip': return vars.ip ?? '127.0.0.1';
      case 'epoch': return String(Math.floor(vars.now / 1000));
      default: return vars.clientIp ?? '';
    }
  });
}
