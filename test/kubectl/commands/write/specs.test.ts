import { describe, expect, it } from 'vitest';
import type { CommandSpec } from '../../../../src/kubectl/args/command.js';
import { renderHelp } from '../../../../src/kubectl/args/help.js';
import { applySpec } from '../../../../src/kubectl/commands/write/specs/apply.js';
import { createSpec } from '../../../../src/kubectl/commands/write/specs/create.js';
import { setSpec } from '../../../../src/kubectl/commands/write/specs/set.js';
import * as verbs from '../../../../src/kubectl/commands/write/specs/verbs.js';
import { hasKubectl, kubectl } from '../../printers/real-kubectl.js';

const root: CommandSpec = { name: 'kubectl', use: 'kubectl', short: 'kubectl controls the Kubernetes cluster manager' };

/** Every command path below a spec, root first. */
function paths(spec: CommandSpec, parents: CommandSpec[] = [root]): CommandSpec[][] {
  const here = [...parents, spec];
  return [here, ...(spec.subcommands ?? []).flatMap((c) => paths(c, here))];
}

const all = [applySpec, createSpec, setSpec, ...Object.values(verbs)].flatMap((s) => paths(s));
const cases = all.map((p) => [p.slice(1).map((c) => c.name).join(' '), p] as const);

describe.skipIf(!hasKubectl)('write verb help matches the real kubectl', () => {
  it.each(cases)('kubectl %s --help', (words, path) => {
    expect(renderHelp(path)).toBe(kubectl([...words.split(' '), '--help']));
  });
});
