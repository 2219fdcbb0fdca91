/**
 * `kubectl create deployment|job|cronjob`: the objects of create_deployment.go,
 * create_job.go and create_cronjob.go, field for field.
 */
import type { KubeObject } from '../../../../engine/api/types.js';
import { container, genError, generated, objectMeta, type GenContext, type GenResult } from './types.js';

/** Options of `create deployment`. */
export interface DeploymentOptions {
  readonly images: readonly string[];
  readonly replicas: number;
  /** -1 when not given. */
  readonly port: number;
  readonly command: readonly string[];
}

/**
 * The container name for an image: its last path part without tag or digest; underscores
 * become dashes (kubectl then adds a random suffix; a stable one here).
 */
export function containerNameForImage(image: string): string {
  let name = image.split('/').pop()!;
  name = name.split(':')[0]!.split('@')[0]!;
  if (name.includes('_')) name = `${name.replace(/_/g, '-')}-${stableSuffix(name)}`;
  return name;
}

function stableSuffix(s: string): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  let h = 2166136261;
  for (const c of s) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  let out = '';
  for (let i = 0; i < 5; i++, h = Math.floor(h / 27)) out += alphabet[h % 27];
  return out;
}

/** `kubectl create deployment NAME --image=...`. */
export function deployment(name: string, o: DeploymentOptions, ctx: GenContext): GenResult {
  if (o.images.length > 1 && o.command.length > 0) return genError('cannot specify multiple --image options and command');
  const labels = { app: name };
  const containers = o.images.map((image) =>
    container(containerNameForImage(image), image, o.command.length > 0 ? { command: [...o.command] } : {}),
  );
  if (o.port >= 0 && containers.length > 0) containers[0]!.ports = [{ containerPort: o.port }];
  return generated({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: objectMeta(name, ctx, { labels }),
    spec: {
      replicas: o.replicas,
      selector: { matchLabels: { ...labels } },
      strategy: {},
      template: { metadata: { creationTimestamp: null, labels: { ...labels } }, spec: { containers } },
    },
    status: {},
  });
}

/** `kubectl create job NAME --image=... -- [COMMAND]`. */
export function job(name: string, image: string, command: readonly string[], ctx: GenContext): GenResult {
  return generated({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: objectMeta(name, ctx),
    spec: {
      template: {
        metadata: { creationTimestamp: null },
        spec: { containers: [container(name, image, command.length > 0 ? { command: [...command] } : {})], restartPolicy: 'Never' },
      },
    },
    status: {},
  });
}

/**
 * `kubectl create job NAME --from=cronjob/x`: the CronJob's job template, annotated as a
 * manual run and owned by the CronJob (createJobFromCronJob).
 */
export function jobFromCronJob(name: string, cronJob: KubeObject, ctx: GenContext): GenResult {
  const template = cronJob.spec?.jobTemplate ?? {};
  const annotations: Record<string, string> = { 'cronjob.kubernetes.io/instantiate': 'manual', ...(template.metadata?.annotations ?? {}) };
  const metadata = objectMeta(name, ctx, { annotations, labels: template.metadata?.labels });
  metadata.ownerReferences = [{ apiVersion: 'batch/v1', kind: 'CronJob', name: cronJob.metadata.name!, uid: cronJob.metadata.uid!, controller: true }];
  return generated({ apiVersion: 'batch/v1', kind: 'Job', metadata, spec: structuredClone(template.spec ?? {}), status: {} });
}

/** `kubectl create cronjob NAME --image=... --schedule=...`. */
export function cronJob(name: string, o: { image: string; schedule: string; restart: string; command: readonly string[] }, ctx: GenContext): GenResult {
  return generated({
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: objectMeta(name, ctx),
    spec: {
      jobTemplate: {
        metadata: { creationTimestamp: null, name },
        spec: {
          template: {
            metadata: { creationTimestamp: null },
            spec: {
              containers: [container(name, o.image, o.command.length > 0 ? { command: [...o.command] } : {})],
              restartPolicy: o.restart || 'OnFailure',
            },
          },
        },
      },
      schedule: o.schedule,
    },
    status: {},
  });
}
