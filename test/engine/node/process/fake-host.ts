/** A ProcessHost for tests: memory filesystem, scripted network, captured logs, settable clock. */
import { createMemoryFs } from '../../../../src/engine/node/process/memory-fs.js';
import { createRootFs } from '../../../../src/engine/node/process/rootfs.js';
import type { ContainerFs, ProcessHost, RequestResult, ResolveResult } from '../../../../src/engine/node/process/types.js';
import { lookupImage } from '../../../../src/engine/images/catalog.js';
import type { ImageInfo } from '../../../../src/engine/images/types.js';

export const EPOCH = Date.UTC(2024, 6, 1, 10, 0, 0);

export interface FakeHost extends ProcessHost {
  time: number;
  readonly lines: { stream: 'stdout' | 'stderr'; text: string }[];
  /** The whole log as kubectl logs would print it. */
  logText(): string;
}

export interface FakeNetOptions {
  names?: Record<string, { ips: string[]; fqdn: string }>;
  urls?: Record<string, RequestResult>;
  ptr?: Record<string, string>;
}

export function fakeHost(options: { env?: Record<string, string>; fs?: ContainerFs; net?: FakeNetOptions; hostname?: string; image?: ImageInfo } = {}): FakeHost {
  const names = options.net?.names ?? {};
  const urls = options.net?.urls ?? {};
  const host: FakeHost = {
    time: EPOCH,
    lines: [],
    env: options.env ?? {},
    hostname: options.hostname ?? 'demo',
    podIP: '10.244.1.5',
    fs: options.fs ?? (options.image ? createRootFs(options.image.profile) : createMemoryFs({}, ['/tmp', '/etc', '/var/log'])),
    net: {
      dnsServer: '10.96.0.10',
      search: ['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local'],
      resolve(name: string): ResolveResult {
        const hit = names[name];
        return hit ? { ok: true, ...hit } : { ok: false };
      },
      reverse: (ip: string) => options.net?.ptr?.[ip],
      request(url: string): RequestResult {
        return urls[url] ?? { ok: false, error: 'refused' };
      },
    },
    log(stream, text) {
      host.lines.push({ stream, text });
    },
    now: () => host.time,
    logText: () => host.lines.map((l) => l.text).join(''),
  };
  return host;
}

export function image(ref: string): ImageInfo {
  const r = lookupImage(ref);
  if (!r.ok) throw new Error(r.message);
  return r.image;
}
