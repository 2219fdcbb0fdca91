/**
 * Fixed answers from things that are not pods: the API server behind the `kubernetes`
 * Service, the kubelet's port, nginx's error pages, and the small fake internet.
 *
 * The internet, decided: a lab cluster has outbound access, and NetworkPolicy lessons
 * need something outside the cluster to block (`wget example.com` works until a
 * default-deny egress policy makes it time out). So a handful of well-known names resolve
 * to fixed public addresses and serve a fixed page; every other external name is
 * NXDOMAIN, and other public addresses time out. Nothing here reaches the real network.
 */
import { KUBERNETES_VERSION } from '../spec.js';

/** An HTTP answer from something that is not a pod. */
export interface FixedAnswer {
  readonly status: number;
  readonly body: string;
  readonly headers?: Record<string, string>;
}

const EXAMPLE_PAGE = `<!doctype html>
<html>
<head>
    <title>Example Domain</title>

    <meta charset="utf-8" />
    <meta http-equiv="Content-type" content="text/html; charset=utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
</head>

<body>
<div>
    <h1>Example Domain</h1>
    <p>This domain is for use in illustrative examples in documents. You may use this
    domain in literature without prior coordination or asking for permission.</p>
    <p><a href="https://www.iana.org/domains/example">More information...</a></p>
</div>
</body>
</html>
`;

const GOOGLE_PAGE = '<!doctype html><html itemscope="" itemtype="http://schema.org/WebPage" lang="en"><head><title>Google</title></head><body></body></html>';

/** The public hosts that exist, by name: their address and what their web server answers. */
export const INTERNET_HOSTS: Readonly<Record<string, { readonly ip: string; readonly answer: FixedAnswer }>> = {
  'example.com': { ip: '93.184.215.14', answer: { status: 200, body: EXAMPLE_PAGE, headers: { 'Content-Type': 'text/html; charset=UTF-8' } } },
  'www.example.com': { ip: '93.184.215.14', answer: { status: 200, body: EXAMPLE_PAGE, headers: { 'Content-Type': 'text/html; charset=UTF-8' } } },
  'google.com': { ip: '142.250.185.78', answer: { status: 200, body: GOOGLE_PAGE, headers: { 'Content-Type': 'text/html; charset=ISO-8859-1' } } },
  'www.google.com': { ip: '142.250.185.100', answer: { status: 200, body: GOOGLE_PAGE, headers: { 'Content-Type': 'text/html; charset=ISO-8859-1' } } },
  'kubernetes.io': { ip: '147.75.40.148', answer: { status: 200, body: '<!doctype html><html lang="en"><head><title>Kubernetes</title></head><body></body></html>', headers: { 'Content-Type': 'text/html; charset=UTF-8' } } },
};

const INTERNET_BY_IP = new Map(Object.values(INTERNET_HOSTS).map((h) => [h.ip, h.answer]));

/** What a public address serves on port 80/443, or undefined (the packet goes nowhere). */
export function internetAnswer(ip: string, port: number): FixedAnswer | undefined {
  return port === 80 || port === 443 ? INTERNET_BY_IP.get(ip) : undefined;
}

const json = (value: unknown): string => JSON.stringify(value, null, 2);

/** The status body an anonymous request to the API server gets (RBAC denies system:anonymous). */
export function anonymousForbidden(path: string): FixedAnswer {
  return {
    status: 403,
    headers: { 'Content-Type': 'application/json' },
    body: `${json({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `forbidden: User "system:anonymous" cannot get path "${path}"`, reason: 'Forbidden', details: {}, code: 403 })}\n`,
  };
}

const [, MAJOR, MINOR] = /^v(\d+)\.(\d+)/.exec(KUBERNETES_VERSION) ?? ['', '1', '30'];

/**
 * The API server on :6443. It speaks only TLS; paths open to everyone through the
 * system:public-info-viewer ClusterRole (health and version) answer, the rest is 403.
 */
export function apiServerAnswer(scheme: string, path: string): FixedAnswer {
  if (scheme !== 'https') return { status: 400, body: 'Client sent an HTTP request to an HTTPS server.\n' };
  const p = path.split('?')[0] || '/';
  if (p === '/healthz' || p === '/livez' || p === '/readyz') return { status: 200, body: 'ok', headers: { 'Content-Type': 'text/plain; charset=utf-8' } };
  if (p === '/version')
    return {
      status: 200,
      headers: { 'Content-Type': 'application/json' },
      body: json({
        major: MAJOR,
        minor: MINOR,
        gitVersion: KUBERNETES_VERSION,
        gitCommit: '39683505b630ff2121012f3c5b16215a1449d5ed',
        gitTreeState: 'clean',
        buildDate: '2024-06-11T20:20:18Z',
        goVersion: 'go1.22.4',
        compiler: 'gc',
        platform: 'linux/amd64',
      }),
    };
  return anonymousForbidden(p);
}

/** The kubelet's authenticated port 10250 refuses anonymous requests. */
export function kubeletAnswer(scheme: string): FixedAnswer {
  if (scheme !== 'https') return { status: 400, body: 'Client sent an HTTP request to an HTTPS server.\n' };
  return { status: 401, body: 'Unauthorized', headers: { 'Content-Type': 'text/plain; charset=utf-8' } };
}

const REASONS: Readonly<Record<number, string>> = {
  404: 'Not Found',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
};

/** nginx's built-in error page (ngx_http_special_response.c) with server_tokens off, as ingress-nginx serves it. */
export function nginxErrorPage(status: 404 | 502 | 503 | 504): FixedAnswer {
  const title = `${status} ${REASONS[status]}`;
  return {
    status,
    headers: { 'Content-Type': 'text/html' },
    body: `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`,
  };
}
