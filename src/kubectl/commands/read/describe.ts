/**
 * `kubectl describe` (kubectl/pkg/cmd/describe/describe.go): each object through its
 * describer, objects separated as kubectl separates them, and the name-prefix fallback —
 * `describe pod web` describes every pod whose name starts with `web` when none is
 * named exactly that.
 */
import type { ApiClient } from '../../../engine/api/client.js';
import type { ResourceType } from '../../../engine/api/discovery.js';
import type { KubeObject } from '../../../engine/api/types.js';
import type { ParsedFlags } from '../../args/flags.js';
import { resolveResourceArgs } from '../../args/resources.js';
import { clientFor, errorsText, printError, resolveNamespace, type CommandError } from '../../common.js';
import { describe, type DescribeContext } from '../../printers/describe/index.js';
import type { CommandModule, KubectlEnv, Output } from '../../types.js';
import { fetchObjects } from './get/fetch.js';
import { DESCRIBE_SPEC } from './specs.js';

/** The `describe` verb. */
export const DESCRIBE: CommandModule = { path: ['describe'], spec: DESCRIBE_SPEC, run: runDescribe };

/** Read access for describers over the API as the invoking user; what it may not read is absent. */
export function describeContext(client: ApiClient, now: number, showEvents = true): DescribeContext {
  return {
    now,
    get: (resource, namespace, name) => {
      const r = client.get(resource, namespace, name);
      return r.ok ? r.value : undefined;
    },
    list: (resource, namespace) => {
      if (resource === 'events' && !showEvents) return [];
      const r = client.list(resource, { namespace });
      return r.ok ? r.value.items : [];
    },
  };
}

function runDescribe(flags: ParsedFlags, env: KubectlEnv, io: Output): number {
  const filenames = flags.list('filename');
  if (flags.args.length === 0 && filenames.length === 0) {
    return printError(io, 'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n');
  }
  const client = clientFor(flags, env);
  if (!client.ok) return printError(io, client.error);
  const scope = resolveNamespace(flags, env);
  const fetched = fetchObjects(client.value, env, {
    args: flags.args,
    filenames,
    recursive: flags.bool('recursive'),
    namespace: scope.namespace,
    allNamespaces: scope.allNamespaces,
    labelSelector: flags.string('selector'),
    fieldSelector: '',
  });
  if (!fetched.ok) return printError(io, fetched.error);
  const ctx = describeContext(client.value, env.now(), flags.bool('show-events'));
  const { groups, errors } = fetched.value;

  // A missing name with `describe TYPE NAME` becomes a prefix search (DescribeMatchingResources).
  const notFound = errors.some((e) => typeof e !== 'string' && e.reason === 'NotFound');
  if (notFound && flags.args.length === 2 && !flags.args[0]!.includes('/')) {
    const type = resolveResourceArgs([flags.args[0]!]);
    if (type.ok && type.groups.length === 1) return describeMatching(client.value, ctx, io, type.groups[0]!.type, scope.namespace, flags.args[1]!, errors[0]!, flags.bool('show-events'));
  }

  const showEvents = flags.bool('show-events');
  const texts = groups.flatMap((g) => g.objects.map((o) => withoutEvents(describe(g.type.resource, o, ctx), showEvents)));
  // Objects after the first are written as "\n\n%s": two blank lines between describers' texts.
  io.out(texts.map((t, i) => (i === 0 ? t : `\n\n${t}`)).join(''));
  if (errors.length > 0) {
    io.err(errorsText(errors, { aggregateOne: true }));
    return 1;
  }
  if (texts.length === 0) {
    io.err(scope.allNamespaces ? 'No resources found\n' : `No resources found in ${scope.namespace} namespace.\n`);
  }
  return 0;
}

/**
 * `--show-events=false`: describers get no events and, as describe.go skips DescribeEvents
 * when there are none to search, print no Events section at all.
 */
function withoutEvents(text: string, showEvents: boolean): string {
  return showEvents ? text : text.replace(/Events:[ \t]*<none>\n$/, '');
}

/** Every object of the type whose name starts with the prefix, each followed by a blank line. */
function describeMatching(client: ApiClient, ctx: DescribeContext, io: Output, type: ResourceType, namespace: string, prefix: string, original: CommandError, showEvents: boolean): number {
  const r = client.list(type.resource, { namespace: type.namespaced ? namespace : undefined });
  if (!r.ok) return printError(io, r.error);
  const matches = r.value.items.filter((o: KubeObject) => (o.metadata.name ?? '').startsWith(prefix));
  if (matches.length === 0) return printError(io, original);
  io.out(matches.map((o) => `${withoutEvents(describe(type.resource, o, ctx), showEvents)}\n`).join(''));
  return 0;
}
