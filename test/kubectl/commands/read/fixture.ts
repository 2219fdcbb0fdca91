/**
 * A small hand-made cluster for read-verb tests: namespaces default and dev, four pods,
 * a Service, at known ages. Bare (no controllers), so nothing changes unless a test says so.
 */
import { namespace, pod, running, session, type Session } from '../../helpers.js';

/** The fixture: created at 10:00:00, pods started then, looked at 65 s later. */
export function fixture(): Session {
  const s = session({ bare: true });
  s.create(namespace('default'));
  s.create(namespace('dev'));
  s.create(pod('default', 'web-1', { app: 'web', tier: 'front' }), running('10.244.1.5', '2024-07-01T10:00:00Z'));
  s.create(pod('default', 'web-2', { app: 'web' }), running('10.244.2.7', '2024-07-01T10:00:00Z'));
  s.create(pod('default', 'db-0', { app: 'db' }, 'postgres:16'));
  s.create(pod('dev', 'api-1', { app: 'api' }), running('10.244.2.9', '2024-07-01T10:00:00Z'));
  s.create({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { namespace: 'default', name: 'web', labels: { app: 'web' } },
    spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] },
  });
  s.cluster.advance(65_000);
  return s;
}

/** Runs lines and returns a transcript: `$ line`, then what the terminal showed, then `[exit N]` when not 0. */
export function transcript(s: Session, lines: readonly string[]): string {
  return lines
    .map((line) => {
      const r = s.exec(line);
      return `$ ${line}\n${r.text}${r.code === 0 ? '' : `[exit ${r.code}]\n`}`;
    })
    .join('');
}
