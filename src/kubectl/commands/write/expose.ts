/**
 * `kubectl expose TYPE NAME` (cmd/expose): a Service selecting the pods of a deployment,
 * replicaset, replication controller, pod or service; `service/web exposed`.
 */
import type { ParsedFlags } from '../../args/flags.js';
import { printError } from '../../common.js';
import type { CommandModule, KubectlEnv, Output } from '../../types.js';
import { exposeService } from './generators/expose.js';
import { applyOverrides } from './overrides.js';
import { changeCause, withRecord } from './record.js';
import { exposeSpec } from './specs/verbs.js';
import { createGenerated, usageError, writeContext } from './shared.js';
import { findTargets } from './targets.js';

const EXPOSABLE = ['Pod', 'Service', 'ReplicationController', 'Deployment', 'ReplicaSet'];

function runExpose(flags: ParsedFlags, env: KubectlEnv, io: Output): number {
  const ctx = writeContext(flags, env, io);
  if (!ctx) return 1;
  const cause = changeCause(['expose'], flags, exposeSpec.flags);
  const found = findTargets(flags.args, flags, env, ctx);
  if (found.fatal) return usageError(io, 'expose', found.fatal);
  if (found.errors.length > 0) return printError(io, found.errors);
  let code = 0;
  for (const t of found.targets) {
    if (!EXPOSABLE.includes(t.object.kind)) {
      code = printError(io, `cannot expose a ${t.object.kind}.${t.type.group}`);
      continue;
    }
    const gen = exposeService(t.object, {
      name: flags.string('name'),
      port: flags.string('port'),
      targetPort: flags.string('target-port'),
      protocol: flags.string('protocol'),
      type: flags.string('type'),
      selector: flags.string('selector'),
      labels: flags.string('labels'),
      clusterIP: flags.string('cluster-ip'),
      externalIP: flags.string('external-ip'),
      loadBalancerIP: flags.string('load-balancer-ip'),
      sessionAffinity: flags.string('session-affinity'),
    });
    let obj = gen;
    if (gen.ok) {
      const overridden = applyOverrides(gen.object, flags);
      if (!overridden.ok) return printError(io, overridden.error);
      const ns = t.object.metadata.namespace;
      obj = { ...gen, object: ns ? { ...overridden.object, metadata: { ...overridden.object.metadata, namespace: ns } } : overridden.object };
    }
    if (createGenerated(io, flags, ctx, obj, 'expose', 'exposed', { annotateDryRun: false, cause }) !== 0) code = 1;
  }
  return code;
}

/** `kubectl expose`. */
export const EXPOSE_COMMANDS: CommandModule[] = [withRecord({ path: ['expose'], spec: exposeSpec, run: runExpose })];
