/**
 * describe configmap, secret, serviceaccount (describe.go).
 */
import type { KubeObject } from '../../../engine/api/types.js';
import type { DescribeContext } from './context.js';
import { writeEvents } from './events.js';
import { printAnnotationsMultiline, printLabelsMultiline, sortedKeys } from './format.js';
import { LEVEL_0, tabbedString } from './tabbed.js';

/** Bytes of a base64 value as the API holds secret data and binaryData. */
const decodedLength = (b64: string): number => Buffer.from(b64, 'base64').length;

/** describe configmap. Go walks the data map in random order; keys are sorted here. */
export function describeConfigMap(cm: KubeObject, ctx: DescribeContext): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${cm.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${cm.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', cm.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', cm.metadata.annotations);
    w.write(LEVEL_0, '\nData\n====\n');
    for (const k of sortedKeys(cm.data)) {
      w.write(LEVEL_0, `${k}:\n----\n`);
      w.write(LEVEL_0, `${cm.data[k]}\n`);
      w.write(LEVEL_0, '\n');
    }
    w.write(LEVEL_0, '\nBinaryData\n====\n');
    for (const k of sortedKeys(cm.binaryData)) w.write(LEVEL_0, `${k}: ${decodedLength(cm.binaryData[k])} bytes\n`);
    w.write(LEVEL_0, '\n');
    writeEvents(cm, ctx, w);
  });
}

/** describe secret: sizes only, except a service-account token's `token`. */
export function describeSecret(secret: KubeObject): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${secret.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${secret.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', secret.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', secret.metadata.annotations);
    w.write(LEVEL_0, `\nType:\t${secret.type ?? ''}\n`);
    w.write(LEVEL_0, '\nData\n====\n');
    // stringData never reaches storage; merge it in case the object was not normalised.
    const data: Record<string, string> = { ...(secret.data ?? {}) };
    for (const [k, v] of Object.entries((secret.stringData ?? {}) as Record<string, string>)) data[k] = Buffer.from(v).toString('base64');
    for (const k of sortedKeys(data)) {
      if (k === 'token' && secret.type === 'kubernetes.io/service-account-token') {
        w.write(LEVEL_0, `${k}:\t${Buffer.from(data[k]!, 'base64').toString()}\n`);
      } else {
        w.write(LEVEL_0, `${k}:\t${decodedLength(data[k]!)} bytes\n`);
      }
    }
  });
}

const HEADERS = {
  pull: 'Image pull secrets:',
  mount: 'Mountable secrets: ',
  token: 'Tokens:            ',
  empty: '                   ',
};

/** describe serviceaccount: pull secrets, mountable secrets, legacy token secrets. */
export function describeServiceAccount(sa: KubeObject, ctx: DescribeContext): string {
  const secrets = ctx.list('secrets', sa.metadata.namespace);
  const existing = new Set(secrets.map((s) => s.metadata.name));
  const tokens = secrets.filter(
    (s) =>
      s.type === 'kubernetes.io/service-account-token' &&
      s.metadata.annotations?.['kubernetes.io/service-account.name'] === sa.metadata.name &&
      s.metadata.annotations?.['kubernetes.io/service-account.uid'] === sa.metadata.uid,
  );
  const names = (list: { name: string }[] | undefined): string[] => (list ?? []).map((s) => s.name);
  const sections: [string, string[]][] = [
    [HEADERS.pull, names(sa.imagePullSecrets)],
    [HEADERS.mount, names(sa.secrets)],
    [HEADERS.token, tokens.map((s) => s.metadata.name ?? '')],
  ];
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${sa.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${sa.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', sa.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', sa.metadata.annotations);
    for (const [header, list] of sections) {
      if (list.length === 0) {
        w.write(LEVEL_0, `${header}\t<none>\n`);
        continue;
      }
      list.forEach((name, i) => {
        const missing = header !== HEADERS.token && !existing.has(name) ? ' (not found)' : '';
        w.write(LEVEL_0, `${i === 0 ? header : HEADERS.empty}\t${name}${missing}\n`);
      });
    }
    writeEvents(sa, ctx, w);
  });
}
