/**
 * `kubectl run NAME --image=...` (cmd/run): always a Pod in 1.30. `--rm` with attach in a
 * transcript follows the pod's output until it ends, then deletes it; a TTY shell is only
 * possible in the tutor's terminal. `--expose` also creates a Service.
 */
import type { KubeObject } from '../../../engine/api/types.js';
import type { ParsedFlags } from '../../args/flags.js';
import { printError } from '../../common.js';
import type { CommandModule, KubectlEnv, Output } from '../../types.js';
import { exposeService } from './generators/expose.js';
import { applyOverrides } from './overrides.js';
import { runPod } from './generators/pod.js';
import { changeCause, withRecord } from './record.js';
import { runSpec } from './specs/verbs.js';
import { createGenerated, printMutated, usageError, writeContext, type WriteContext } from './shared.js';

const VALID_RESTARTS = ['Always', 'OnFailure', 'Never'];
/** How long an attached `run` follows a pod in a transcript before giving up (virtual). */
const ATTACH_LIMIT_MS = 10 * 60 * 1000;

function runRun(flags: ParsedFlags, env: KubectlEnv, io: Output): number {
  const count = flags.argsLenAtDash > -1 ? flags.argsLenAtDash : flags.args.length;
  if (count < 1) return usageError(io, 'run', 'NAME is required for run');
  const name = flags.args[0]!;
  const image = flags.string('image');
  if (!image) return printError(io, '--image is required');
  const restart = flags.string('restart');
  if (!VALID_RESTARTS.includes(restart)) return printError(io, `invalid restart policy: ${restart}`);
  const stdin = flags.bool('stdin');
  const tty = flags.bool('tty');
  const attach = flags.bool('attach') || stdin;
  if (flags.bool('rm') && !attach) return usageError(io, 'run', '--rm should only be used for attached containers');
  if (tty && !stdin) return usageError(io, 'run', '-i/--stdin is required for containers with -t/--tty=true');
  if (flags.bool('expose') && !flags.string('port')) return printError(io, '--port must be set when exposing a service');
  const ctx = writeContext(flags, env, io);
  if (!ctx) return 1;
  const cause = changeCause(['run'], flags, runSpec.flags);
  if (attach && ctx.dryRun !== 'none') return printError(io, "--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)");
  const args = flags.argsLenAtDash > -1 ? flags.args.slice(flags.argsLenAtDash) : flags.args.slice(1);
  const gen = runPod(name, {
    image,
    labels: flags.string('labels'),
    annotations: flags.list('annotations'),
    env: flags.list('env'),
    port: flags.string('port'),
    restart,
    command: flags.bool('command'),
    args,
    imagePullPolicy: flags.string('image-pull-policy'),
    privileged: flags.bool('privileged'),
    stdin,
    tty,
    leaveStdinOpen: flags.bool('leave-stdin-open'),
  });
  if (!gen.ok) return printError(io, gen.error);
  const overridden = applyOverrides(gen.object, flags);
  if (!overridden.ok) return printError(io, overridden.error);
  const pod = overridden.object;
  if (flags.bool('expose')) {
    const svc = exposeService(pod, { name, port: flags.string('port'), targetPort: '', protocol: '', type: '', selector: '', labels: '', clusterIP: '', externalIP: '', loadBalancerIP: '', sessionAffinity: '' });
    const code = createGenerated(io, flags, ctx, svc, 'run', 'created', { cause });
    if (code !== 0) return code;
  }
  if (!attach) return createGenerated(io, flags, ctx, { ok: true, object: pod }, 'run', 'created', { cause });
  return runAttached(flags, env, io, ctx, pod);
}

/** `run -i`/`--attach`/`--rm`: follow the pod's output in virtual time, then clean up. */
function runAttached(flags: ParsedFlags, env: KubectlEnv, io: Output, ctx: WriteContext, pod: KubeObject): number {
  const name = pod.metadata.name!;
  const created = ctx.client.create('pods', ctx.namespace, pod);
  if (!created.ok) return printError(io, created.error);
  if (flags.bool('tty') && !env.interactive) {
    io.err('error: interactive attach (-it) is only available in the tutor\'s terminal\n');
    if (flags.bool('rm')) {
      ctx.client.delete('pods', ctx.namespace, name, { gracePeriodSeconds: 0 });
      io.out(`pod "${name}" deleted\n`);
    }
    return 1;
  }
  let phase = '';
  for (let waited = 0; waited < ATTACH_LIMIT_MS; waited += 1000) {
    const live = ctx.client.get('pods', ctx.namespace, name);
    phase = live.ok ? (live.value.status?.phase ?? '') : '';
    if (phase === 'Succeeded' || phase === 'Failed' || (phase === 'Running' && pod.spec.restartPolicy === 'Always' && waited > 30_000)) break;
    env.advance(1000);
  }
  const logs = ctx.client.logs(ctx.namespace, name);
  if (logs.ok) io.out(logs.value);
  if (flags.bool('rm')) {
    const d = ctx.client.delete('pods', ctx.namespace, name, {});
    if (d.ok) io.out(`pod "${name}" deleted\n`);
  } else if (!flags.bool('quiet')) {
    printMutated(io, flags, ctx, created.value.object, 'created');
  }
  return phase === 'Failed' ? 1 : 0;
}

/** `kubectl run`. */
export const RUN_COMMANDS: CommandModule[] = [withRecord({ path: ['run'], spec: runSpec, run: runRun })];
