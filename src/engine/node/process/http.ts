/**
 * How a program answers HTTP on its ports: static files from the container filesystem
 * (nginx, httpd — so a page written by an init container is what gets served), fixed
 * bodies, routes, the echoserver's request dump, and the liveness demo server.
 */
import type { HttpHandler } from '../../images/types.js';
import { normalizePath } from './memory-fs.js';
import { fillTemplate, formatTime } from './templates.js';
import type { HttpAnswer, HttpRequest, ProcessHost } from './types.js';

const answer = (status: number, body: string, headers: Record<string, string> = {}): HttpAnswer => ({
  status,
  body,
  headers: { 'Content-Length': String(body.length), ...headers },
});

/** Answers `request` with `handler`; `startedAt` is when the program started listening. */
export function serveHttp(handler: HttpHandler, request: HttpRequest, host: ProcessHost, startedAt: number): HttpAnswer {
  const vars = { now: host.now(), hostname: host.hostname, ip: host.podIP, env: host.env, clientIp: request.clientIp };
  switch (handler.kind) {
    case 'static':
      return serveStatic(handler, request, host);
    case 'fixed':
      return answer(handler.status, fillTemplate(handler.body, vars), { 'Content-Type': handler.contentType ?? 'text/html; charset=UTF-8' });
    case 'routes': {
      const path = request.path.split('?')[0]!;
      const route = handler.routes[path] ?? handler.fallback;
      return answer(route.status, fillTemplate(route.body, vars), { 'Content-Type': 'text/plain; charset=utf-8' });
    }
    case 'echo':
      return answer(200, echoBody(request), { 'Content-Type': 'text/plain', Server: 'nginx/1.10.0' });
    case 'liveness': {
      // agnhost liveness: 200 "ok" for the first 10 s, then 500 "error: <seconds since start>".
      const elapsed = (host.now() - startedAt) / 1000;
      if (request.path.split('?')[0] === '/healthz' && elapsed > handler.healthyForMs / 1000) {
        return answer(500, `error: ${elapsed}`, { 'Content-Type': 'text/plain; charset=utf-8' });
      }
      return answer(200, 'ok', { 'Content-Type': 'text/plain; charset=utf-8' });
    }
  }
}

function serveStatic(handler: Extract<HttpHandler, { kind: 'static' }>, request: HttpRequest, host: ProcessHost): HttpAnswer {
  const urlPath = decodeURIComponent(request.path.split('?')[0]!);
  let path = normalizePath(`${handler.root}/${urlPath}`);
  const server = handler.server;
  let status = 200;
  let body: string;
  let kind = host.fs.stat(path);
  if (kind === 'dir') {
    path = normalizePath(`${path}/${handler.index}`);
    kind = host.fs.stat(path);
    // A directory without its index file is forbidden (autoindex is off).
    if (kind !== 'file') status = 403;
  } else if (kind !== 'file') status = 404;
  if (status === 200) body = host.fs.read(path) ?? '';
  else body = status === 403 ? handler.forbidden : handler.notFound;
  const sent = request.method === 'HEAD' ? '' : body;
  accessLog(host, request, status, body.length, server);
  return answer(status, sent, { Server: server, 'Content-Type': 'text/html', ...(status === 200 ? { 'Accept-Ranges': 'bytes' } : {}) });
}

/** nginx and httpd write one access-log line per request to stdout (probes included). */
function accessLog(host: ProcessHost, request: HttpRequest, status: number, bytes: number, server: string): void {
  const when = formatTime('access', host.now());
  const line = `${request.clientIp} - - [${when}] "${request.method} ${request.path} HTTP/1.1" ${status} ${bytes}`;
  host.log('stdout', server.startsWith('nginx') ? `${line} "-" "${request.userAgent}" "-"\n` : `${line}\n`);
}

/** The echoserver 1.4 page. */
function echoBody(request: HttpRequest): string {
  const [path, query] = request.path.split('?');
  const headers: Record<string, string> = { accept: '*/*', ...lowerKeys(request.headers ?? {}), host: request.host, 'user-agent': request.userAgent };
  const headerLines = Object.keys(headers).sort().map((k) => `${k}=${headers[k]}`).join('\n');
  return (
    `CLIENT VALUES:\nclient_address=${request.clientIp}\ncommand=${request.method}\nreal path=${path}\nquery=${query ?? 'nil'}\n` +
    `request_version=1.1\nrequest_uri=http://${request.host}${request.path}\n\n` +
    `SERVER VALUES:\nserver_version=nginx: 1.10.0 - lua: 10001\n\n` +
    `HEADERS RECEIVED:\n${headerLines}\nBODY:\n-no body in request-`
  );
}

function lowerKeys(h: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
}
