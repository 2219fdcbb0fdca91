/**
 * wget (busybox), curl and nc against the cluster network, with the tools' own progress
 * lines and error texts. A timeout consumes its virtual time before failing.
 */
import { sleep, type Command, type CommandContext, type Io, type Run } from '../io.js';
import { parseFlags, resolve } from './util.js';

/** Reason phrases for the statuses servers in the catalog return. */
export const STATUS_TEXT: Readonly<Record<number, string>> = {
  200: 'OK', 201: 'Created', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 304: 'Not Modified',
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

/** Splits a URL the way the clients do; a missing scheme means http. */
export function parseUrl(url: string): { host: string; port: number; path: string; scheme: string } | undefined {
  const m = /^(?:([a-z]+):\/\/)?([^/:?#]+)(?::(\d+))?([^#]*)/i.exec(url);
  if (!m) return undefined;
  const scheme = (m[1] ?? 'http').toLowerCase();
  return { scheme, host: m[2]!, port: m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80, path: m[4] || '/' };
}

/** The URL as the network sees it: the clients assume http:// when no scheme is given. */
function withScheme(url: string): string {
  return url.includes('://') ? url : `http://${url}`;
}

const isIp = (host: string): boolean => /^\d+\.\d+\.\d+\.\d+$/.test(host);

/** The address a name resolves to, or undefined. IP literals resolve to themselves. */
function lookup(ctx: CommandContext, host: string): string | undefined {
  if (isIp(host)) return host;
  if (host === 'localhost') return '127.0.0.1';
  const r = ctx.host.net.resolve(host);
  return r.ok ? r.ips[0] : undefined;
}

/** busybox wget's default network timeout (-T) is 900 seconds. */
const WGET_DEFAULT_TIMEOUT_S = 900;

function* wget(ctx: CommandContext, argv: readonly string[], io: Io): Run {
  const { flags, operands } = parseFlags(argv.slice(1), ['O', 'T', 'timeout', 'U', 'user-agent', 'header', 'P']);
  const quiet = flags.has('q') || flags.has('quiet');
  const url = operands[0];
  if (!url) {
    io.err.write('BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n');
    return 1;
  }
  const target = parseUrl(url);
  if (!target) {
    io.err.write(`wget: not an http or ftp url: ${url}\n`);
    return 1;
  }
  const ip = lookup(ctx, target.host);
  if (!ip) {
    io.err.write(`wget: bad address '${target.host}'\n`);
    return 1;
  }
  const old = ctx.profile.nslookup === 'busybox-1.28';
  if (!quiet) io.err.write(`Connecting to ${target.host} (${ip}:${target.port})\n`);
  const timeoutS = Number(flags.get('T') ?? flags.get('timeout') ?? WGET_DEFAULT_TIMEOUT_S);
  const result = ctx.host.net.request(withScheme(url), { timeoutMs: timeoutS * 1000, userAgent: 'Wget', headers: headerOption(flags.get('header')) });
  if (!result.ok) {
    switch (result.error) {
      case 'timeout':
        yield* sleep(timeoutS * 1000);
        io.err.write('wget: download timed out\n');
        return 1;
      case 'unresolved':
        io.err.write(`wget: bad address '${target.host}'\n`);
        return 1;
      case 'unreachable':
        io.err.write(`wget: can't connect to remote host (${ip}): No route to host\n`);
        return 1;
      default:
        io.err.write(`wget: can't connect to remote host (${ip}): Connection refused\n`);
        return 1;
    }
  }
  if (result.status >= 400) {
    io.err.write(`wget: server returned error: HTTP/1.1 ${result.status} ${STATUS_TEXT[result.status] ?? ''}\n`);
    return 1;
  }
  if (flags.has('spider')) {
    if (!quiet && !old) io.err.write('remote file exists\n');
    return 0;
  }
  const output = flags.get('O') ?? defaultOutputName(target.path);
  const toStdout = output === '-';
  if (toStdout) io.out.write(result.body);
  else {
    const dir = flags.get('P');
    const path = resolve(ctx, dir ? `${dir}/${output}` : output);
    if (!flags.has('O') && ctx.host.fs.exists(path)) {
      io.err.write(`wget: can't open '${output}': File exists\n`);
      return 1;
    }
    const w = ctx.host.fs.write(path, result.body);
    if (!w.ok) {
      io.err.write(`wget: can't open '${output}': ${w.error === 'EROFS' ? 'Read-only file system' : 'No such file or directory'}\n`);
      return 1;
    }
  }
  if (!quiet) {
    const shownName = toStdout ? '-' : output.split('/').pop()!;
    const progress = `${shownName.padEnd(20).slice(0, 20)} 100% |${'*'.repeat(32)}| ${formatSize(result.body.length).padStart(5)}  0:00:00 ETA\n`;
    if (old) io.err.write(progress);
    else if (toStdout) io.err.write(`writing to stdout\n${progress}written to stdout\n`);
    else io.err.write(`saving to '${output}'\n${progress}'${output}' saved\n`);
  }
  return 0;
}

function defaultOutputName(path: string): string {
  const name = path.split('?')[0]!.split('/').pop();
  return name ? name : 'index.html';
}

/** busybox's smart_ulltoa5: a number in at most five characters (615, 12.3k, 1234k). */
function formatSize(n: number): string {
  if (n < 100000) return String(n);
  return `${Math.floor(n / 1024)}k`;
}

/** curl's 5-column speed/size: bytes up to 99999, then k, M. */
function curlSize(n: number): string {
  if (n < 100000) return String(n);
  if (n < 10000 * 1024) return `${Math.floor(n / 1024)}k`;
  return `${Math.floor(n / 1024 / 1024)}M`;
}

const CURL_METER_HEADER =
  '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
  '                                 Dload  Upload   Total   Spent    Left  Speed\n';

function curlMeter(size: number): string {
  const pct = size > 0 ? '100' : '  0';
  const s = curlSize(size).padStart(5);
  const speed = curlSize(size * 1000).padStart(5);
  return `${pct} ${s}  ${pct} ${s}    0     0  ${speed}      0 --:--:-- --:--:-- --:--:-- ${speed}`;
}

const CURL_ZERO_METER = '  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0';

/** curl waits up to 300 s to connect unless told otherwise. */
const CURL_DEFAULT_CONNECT_TIMEOUT_S = 300;

function* curl(ctx: CommandContext, argv: readonly string[], io: Io): Run {
  const { flags, operands } = parseFlags(argv.slice(1), ['o', 'm', 'max-time', 'connect-timeout', 'H', 'header', 'X', 'request', 'w', 'write-out', 'd', 'data', 'A', 'user-agent', 'u']);
  const silent = flags.has('s') || flags.has('silent');
  const showError = !silent || flags.has('S') || flags.has('show-error');
  const verbose = flags.has('v') || flags.has('verbose');
  const head = flags.has('I') || flags.has('head');
  const url = operands[0];
  if (!url) {
    io.err.write("curl: try 'curl --help' or 'curl --manual' for more information\n");
    return 2;
  }
  const target = parseUrl(url);
  // With output not on a terminal (logs, exec without -t) curl shows its progress meter on stderr.
  const meter = !silent && !verbose;
  if (meter) io.err.write(CURL_METER_HEADER);
  const failLine = (code: number, message: string): number => {
    if (meter) io.err.write(CURL_ZERO_METER);
    if (showError) io.err.write(`curl: (${code}) ${message}\n`);
    else if (meter) io.err.write('\n');
    return code;
  };
  if (!target) return failLine(3, `URL using bad/illegal format or missing URL`);
  const ip = lookup(ctx, target.host);
  if (!ip) return failLine(6, `Could not resolve host: ${target.host}`);
  if (verbose) io.err.write(`*   Trying ${ip}:${target.port}...\n`);
  const maxTime = flags.get('m') ?? flags.get('max-time');
  const connectTimeout = flags.get('connect-timeout');
  const timeoutS = Number(maxTime ?? connectTimeout ?? CURL_DEFAULT_CONNECT_TIMEOUT_S);
  const method = flags.get('X') ?? flags.get('request') ?? (head ? 'HEAD' : 'GET');
  const result = ctx.host.net.request(withScheme(url), { timeoutMs: timeoutS * 1000, method, userAgent: 'curl/8.8.0', headers: headerOption(flags.get('H') ?? flags.get('header')) });
  if (!result.ok) {
    switch (result.error) {
      case 'timeout':
        yield* sleep(timeoutS * 1000);
        return failLine(28, `Connection timed out after ${timeoutS * 1000 + 1} milliseconds`);
      case 'unresolved':
        return failLine(6, `Could not resolve host: ${target.host}`);
      default:
        // curl 8 reports ECONNREFUSED and EHOSTUNREACH alike through curl_easy_strerror.
        return failLine(7, `Failed to connect to ${target.host} port ${target.port} after 0 ms: Couldn't connect to server`);
    }
  }
  const reason = STATUS_TEXT[result.status] ?? '';
  const headers = { 'Content-Length': String(result.body.length), ...(result.headers ?? {}) };
  if (verbose) {
    io.err.write(`* Connected to ${target.host} (${ip}) port ${target.port}\n> ${method} ${target.path} HTTP/1.1\n> Host: ${target.host}${target.port === 80 ? '' : `:${target.port}`}\n> User-Agent: curl/8.8.0\n> Accept: */*\n> \n`);
    io.err.write(`< HTTP/1.1 ${result.status} ${reason}\n${Object.entries(headers).map(([k, v]) => `< ${k}: ${v}\n`).join('')}< \n`);
  }
  if ((flags.has('f') || flags.has('fail')) && result.status >= 400) {
    return failLine(22, `The requested URL returned error: ${result.status}`);
  }
  const headText = `HTTP/1.1 ${result.status} ${reason}\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
  const body = head ? headText : (flags.has('i') ? headText : '') + result.body;
  const out = flags.get('o');
  if (out !== undefined && out !== '-') {
    if (out !== '/dev/null') {
      const w = ctx.host.fs.write(resolve(ctx, out), body);
      if (!w.ok) return failLine(23, `Failure writing output to destination`);
    }
  } else io.out.write(body);
  if (meter) io.err.write(curlMeter(head ? 0 : result.body.length) + '\n');
  if (verbose) io.err.write(`* Connection #0 to host ${target.host} left intact\n`);
  const writeOut = flags.get('w') ?? flags.get('write-out');
  if (writeOut !== undefined) io.out.write(writeOut.replace(/%\{http_code\}/g, String(result.status)).replace(/\\n/g, '\n'));
  return 0;
}

function* nc(ctx: CommandContext, argv: readonly string[], io: Io): Run {
  const { flags, operands } = parseFlags(argv.slice(1), ['w', 'W', 'i', 'p']);
  const [host, portText] = operands;
  if (!host || !portText) {
    io.err.write('BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nc [OPTIONS] HOST PORT  - connect\nnc [OPTIONS] -l -p PORT [HOST] [PORT]  - listen\n');
    return 1;
  }
  const port = Number(portText);
  const verbose = flags.has('v');
  const ip = lookup(ctx, host);
  if (!ip) {
    io.err.write(ctx.gnu ? `nc: getaddrinfo for host "${host}" port ${port}: Name or service not known\n` : `nc: bad address '${host}'\n`);
    return 1;
  }
  const timeoutMs = Number(flags.get('w') ?? 10) * 1000;
  const net = ctx.host.net;
  const conn = net.connect
    ? net.connect(host, port, { timeoutMs })
    : ((r) => (r.ok ? { ok: true as const } : { ok: false as const, error: r.error }))(net.request(`http://${host}:${port}/`, { timeoutMs }));
  if (!conn.ok) {
    if (conn.error === 'timeout') yield* sleep(timeoutMs);
    if (verbose) {
      const why = conn.error === 'timeout' ? 'Connection timed out' : conn.error === 'unreachable' ? 'No route to host' : 'Connection refused';
      io.err.write(ctx.gnu ? `nc: connect to ${host} port ${port} (tcp) failed: ${why}\n` : `nc: ${host} (${ip}:${port}): ${why}\n`);
    }
    return 1;
  }
  if (verbose) io.err.write(ctx.gnu ? `Connection to ${host} (${ip}) ${port} port [tcp/*] succeeded!\n` : `${host} (${ip}:${port}) open\n`);
  return 0;
}

/** The network clients, by name. */
export const HTTP_CLIENT_COMMANDS: Readonly<Record<string, Command>> = { wget, curl, nc };

/** A `--header 'Host: shop.example.com'` / `-H` value as a header map (one header: flags keep the last). */
function headerOption(value: string | undefined): Record<string, string> {
  const colon = value?.indexOf(':') ?? -1;
  if (value === undefined || colon <= 0) return {};
  return { [value.slice(0, colon).trim()]: value.slice(colon + 1).trim() };
}
