/**
 * `kubectl create -f FILE` and the `create <kind>` generators (kubectl/pkg/cmd/create):
 * each builds the object the real binary builds, then sends it or prints it (--dry-run).
 */
import type { ParsedFlags } from '../../args/flags.js';
import {
  errorsText,
  namespaceForObject,
  parseValidate,
  printError,
  readManifests,
  withSource,
  type CommandError,
} from '../../common.js';
import type { CommandModule, KubectlEnv, Output } from '../../types.js';
import * as specs from './specs/create.js';
import { configMap, dockerRegistrySecret, genericSecret, tlsSecret } from './generators/config.js';
import { ingress } from './generators/ingress.js';
import { namespace, podDisruptionBudget, priorityClass, quota, serviceAccount } from './generators/misc.js';
import { clusterRole, clusterRoleBinding, role, roleBinding } from './generators/rbac.js';
import { service, type ServiceType } from './generators/service.js';
import { genError, type GenContext, type GenResult } from './generators/types.js';
import { cronJob, deployment, job, jobFromCronJob } from './generators/workloads.js';
import { withAppendedHash } from './generators/hash.js';
import { createGenerated, createObject, genContext, printMutated, requiredFlags, usageError, withLastApplied, writeContext, type WriteContext } from './shared.js';
import { createToken } from './token.js';
import { changeCause, recorded, withRecord } from './record.js';

/** `kubectl create -f`: every object of the manifests, errors collected as the builder does. */
function runCreateFile(flags: ParsedFlags, env: KubectlEnv, io: Output): number {
  const filenames = flags.list('filename');
  if (filenames.length === 0 && !flags.string('kustomize')) return printError(io, 'must specify one of -f and -k');
  const ctx = writeContext(flags, env, io);
  if (!ctx) return 1;
  const cause = changeCause(['create'], flags, specs.createSpec.flags);
  const validate = parseValidate(flags.string('validate'));
  if (!validate.ok) return printError(io, validate.error);
  const read = readManifests(env, { filenames, recursive: flags.bool('recursive'), validate: validate.value });
  const errors: CommandError[] = [];
  for (const item of read.items) {
    if (!item.ok) {
      errors.push(item.error);
      continue;
    }
    const ns = namespaceForObject(item.object, item.type, ctx.namespace, ctx.explicitNamespace);
    if (!ns.ok) {
      errors.push(ns.error);
      continue;
    }
    let obj = item.object;
    if (ns.namespace) obj = { ...obj, metadata: { ...obj.metadata, namespace: ns.namespace } };
    if (flags.bool('save-config')) obj = withLastApplied(obj);
    obj = recorded(obj, cause);
    if (ctx.dryRun === 'client') {
      printMutated(io, flags, ctx, obj, 'created');
      continue;
    }
    const r = createObject(ctx, obj, flags);
    if (!r.ok) {
      errors.push(withSource(r.error, 'creating', item.source));
      continue;
    }
    printMutated(io, flags, ctx, r.value.object, 'created');
  }
  if (read.fatal) errors.push(read.fatal);
  if (errors.length > 0) {
    io.err(errorsText(errors));
    return 1;
  }
  return 0;
}

/** NameFromCommandArgs: exactly one NAME before `--`. */
function nameArg(flags: ParsedFlags): { ok: true; name: string } | { ok: false; count: number } {
  const count = flags.argsLenAtDash > -1 ? flags.argsLenAtDash : flags.args.length;
  return count === 1 ? { ok: true, name: flags.args[0]! } : { ok: false, count };
}

/** The words after `--` (a container command). */
function commandArgs(flags: ParsedFlags): string[] {
  return flags.argsLenAtDash > -1 ? flags.args.slice(flags.argsLenAtDash) : [];
}

type Generate = (name: string, flags: ParsedFlags, gen: GenContext, ctx: WriteContext, io: Output) => GenResult | number;

/** A `create <kind>` module: name check, required flags, the generator, then send or print. */
function generator(path: string[], spec: (typeof specs)[keyof typeof specs], required: string[], generate: Generate): CommandModule {
  const command = path.join(' ');
  return {
    path,
    spec,
    run(flags, env, io) {
      const name = nameArg(flags);
      if (!name.ok) return usageError(io, command, `exactly one NAME is required, got ${name.count}`);
      const missing = required.filter((f) => !flags.changed.has(f));
      if (missing.length > 0) return requiredFlags(io, missing);
      const ctx = writeContext(flags, env, io);
      if (!ctx) return 1;
      const result = generate(name.name, flags, genContext(ctx, env), ctx, io);
      if (typeof result === 'number') return result;
      return createGenerated(io, flags, ctx, result, command, 'created', { annotateDryRun: path[1] !== 'service' });
    },
  };
}

/** `--append-hash`: the generated ConfigMap or Secret named with its content hash. */
const hashed = (f: ParsedFlags, r: GenResult): GenResult => (r.ok && f.bool('append-hash') ? { ...r, object: withAppendedHash(r.object) } : r);

const sources = (f: ParsedFlags) => ({ literals: f.list('from-literal'), files: f.list('from-file'), envFiles: f.list('from-env-file') });

function serviceGenerator(word: string, type: ServiceType, spec: (typeof specs)[keyof typeof specs], required: string[] = []): CommandModule {
  return generator(['create', 'service', word], spec, required, (name, f, gen) =>
    service(
      name,
      {
        type,
        tcp: f.list('tcp'),
        clusterIP: f.values.has('clusterip') ? f.string('clusterip') : undefined,
        nodePort: f.values.has('node-port') ? f.int('node-port') : undefined,
        externalName: f.values.has('external-name') ? f.string('external-name') : undefined,
      },
      gen,
    ),
  );
}

/** `create job NAME --from=cronjob/x`: reads the CronJob first. */
function jobFrom(name: string, from: string, gen: GenContext, ctx: WriteContext): GenResult {
  const slash = from.indexOf('/');
  const kind = slash < 0 ? from : from.slice(0, slash);
  const objName = slash < 0 ? '' : from.slice(slash + 1);
  if (!['cronjob', 'cronjobs', 'cj', 'cronjob.batch', 'cronjobs.batch'].includes(kind)) {
    return genError(kind === 'deployment' || kind === 'deploy' ? 'unknown object type *v1.Deployment' : `the server doesn't have a resource type "${kind}"`);
  }
  if (!objName) return genError('from must be of the form <resource>/<name>');
  const r = ctx.client.get('cronjobs', ctx.namespace, objName);
  if (!r.ok) return { ok: false, error: `Error from server (${r.error.reason}): ${r.error.message}` };
  return jobFromCronJob(name, r.value, gen);
}

/** `kubectl create` and all its generators. */
export const CREATE_COMMANDS: CommandModule[] = [
  withRecord({ path: ['create'], spec: specs.createSpec, run: runCreateFile }),
  generator(['create', 'deployment'], specs.createDeploymentSpec, ['image'], (name, f, gen) =>
    deployment(name, { images: f.list('image'), replicas: f.int('replicas'), port: f.int('port'), command: commandArgs(f) }, gen),
  ),
  generator(['create', 'job'], specs.createJobSpec, [], (name, f, gen, ctx) => {
    const image = f.string('image');
    const from = f.string('from');
    if (!image && !from) return genError('either --image or --from must be specified');
    if (image && from) return genError('either --image or --from must be specified');
    if (from && commandArgs(f).length > 0) return genError('cannot specify --from and command');
    return from ? jobFrom(name, from, gen, ctx) : job(name, image, commandArgs(f), gen);
  }),
  generator(['create', 'cronjob'], specs.createCronjobSpec, ['image', 'schedule'], (name, f, gen) =>
    cronJob(name, { image: f.string('image'), schedule: f.string('schedule'), restart: f.string('restart'), command: commandArgs(f) }, gen),
  ),
  serviceGenerator('clusterip', 'ClusterIP', specs.createServiceClusteripSpec),
  serviceGenerator('nodeport', 'NodePort', specs.createServiceNodeportSpec),
  serviceGenerator('loadbalancer', 'LoadBalancer', specs.createServiceLoadbalancerSpec),
  serviceGenerator('externalname', 'ExternalName', specs.createServiceExternalnameSpec, ['external-name']),
  generator(['create', 'configmap'], specs.createConfigmapSpec, [], (name, f, gen) => hashed(f, configMap(name, sources(f), gen))),
  generator(['create', 'secret', 'generic'], specs.createSecretGenericSpec, [], (name, f, gen) => hashed(f, genericSecret(name, sources(f), f.string('type'), gen))),
  generator(['create', 'secret', 'docker-registry'], specs.createSecretDockerRegistrySpec, [], (name, f, gen) =>
    hashed(f, dockerRegistrySecret(
      name,
      { server: f.string('docker-server'), username: f.string('docker-username'), password: f.string('docker-password'), email: f.string('docker-email'), files: f.list('from-file') },
      gen,
    )),
  ),
  generator(['create', 'secret', 'tls'], specs.createSecretTlsSpec, [], (name, f, gen) => hashed(f, tlsSecret(name, { cert: f.string('cert'), key: f.string('key') }, gen))),
  generator(['create', 'namespace'], specs.createNamespaceSpec, [], (name) => namespace(name)),
  generator(['create', 'serviceaccount'], specs.createServiceaccountSpec, [], (name, _f, gen) => serviceAccount(name, gen)),
  generator(['create', 'role'], specs.createRoleSpec, [], (name, f, gen) =>
    role(name, { verbs: f.list('verb'), resources: f.list('resource'), resourceNames: f.list('resource-name') }, gen),
  ),
  generator(['create', 'clusterrole'], specs.createClusterroleSpec, [], (name, f) =>
    clusterRole(name, {
      verbs: f.list('verb'),
      resources: f.list('resource'),
      resourceNames: f.list('resource-name'),
      nonResourceURLs: f.list('non-resource-url'),
      aggregationRule: f.map('aggregation-rule'),
    }),
  ),
  generator(['create', 'rolebinding'], specs.createRolebindingSpec, [], (name, f, gen) =>
    roleBinding(name, { role: f.string('role'), clusterRole: f.string('clusterrole'), users: [...f.list('user')], groups: f.list('group'), serviceAccounts: f.list('serviceaccount') }, gen),
  ),
  generator(['create', 'clusterrolebinding'], specs.createClusterrolebindingSpec, ['clusterrole'], (name, f) =>
    clusterRoleBinding(name, { clusterRole: f.string('clusterrole'), users: [...f.list('user')], groups: f.list('group'), serviceAccounts: f.list('serviceaccount') }),
  ),
  generator(['create', 'ingress'], specs.createIngressSpec, [], (name, f, gen) =>
    ingress(name, { rules: f.list('rule'), ingressClass: f.string('class'), defaultBackend: f.string('default-backend'), annotations: f.list('annotation') }, gen),
  ),
  generator(['create', 'quota'], specs.createQuotaSpec, [], (name, f, gen) => quota(name, { hard: f.string('hard'), scopes: f.string('scopes') }, gen)),
  generator(['create', 'poddisruptionbudget'], specs.createPoddisruptionbudgetSpec, [], (name, f, gen) =>
    podDisruptionBudget(name, { selector: f.string('selector'), minAvailable: f.string('min-available'), maxUnavailable: f.string('max-unavailable') }, gen),
  ),
  generator(['create', 'priorityclass'], specs.createPriorityclassSpec, [], (name, f, _gen, ctx, io) => {
    const gen = priorityClass(name, { value: f.int('value'), globalDefault: f.bool('global-default'), description: f.string('description'), preemptionPolicy: f.string('preemption-policy') });
    // PriorityClasses are not served by the tutor's API server: only a client dry run works.
    if (ctx.dryRun !== 'client' && gen.ok) {
      io.err('error: failed to create priorityclass: the server could not find the requested resource\n');
      return 1;
    }
    return gen;
  }),
  { path: ['create', 'token'], spec: specs.createTokenSpec, run: createToken },
];
