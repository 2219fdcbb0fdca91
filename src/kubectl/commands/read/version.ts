/**
 * `kubectl version`: the client (v1.30.2 with its bundled kustomize) and the server's
 * version, as text or as `-o yaml|json` (kubectl/pkg/cmd/version).
 */
import { KUBERNETES_VERSION } from '../../../engine/spec.js';
import type { ParsedFlags } from '../../args/flags.js';
import { printError } from '../../common.js';
import { goJson } from '../../printers/go-format.js';
import { toYaml } from '../../printers/yaml.js';
import type { CommandModule, KubectlEnv, Output } from '../../types.js';
import { VERSION_SPEC } from './info-specs.js';

/** kustomize as vendored by kubectl v1.30. */
export const KUSTOMIZE_VERSION = 'v5.0.4-0.20230601165947-6ce0bf390ce3';

/** version.Info of the v1.30.2 release build, in its JSON field order. */
function versionInfo(buildDate: string): Record<string, string> {
  return {
    major: '1',
    minor: '30',
    gitVersion: KUBERNETES_VERSION,
    gitCommit: '39683505b630ff2121012f3c5b16215a1449d5ed',
    gitTreeState: 'clean',
    buildDate,
    goVersion: 'go1.22.4',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

/** The `version` verb. */
export const VERSION: CommandModule = { path: ['version'], spec: VERSION_SPEC, run: runVersion };

function runVersion(flags: ParsedFlags, _env: KubectlEnv, io: Output): number {
  const output = flags.string('output');
  if (output !== '' && output !== 'yaml' && output !== 'json') return printError(io, "--output must be 'yaml' or 'json'");
  const clientOnly = flags.bool('client');
  const info: Record<string, unknown> = {
    clientVersion: versionInfo('2024-06-11T20:29:44Z'),
    kustomizeVersion: KUSTOMIZE_VERSION,
    ...(clientOnly ? {} : { serverVersion: versionInfo('2024-06-11T20:21:00Z') }),
  };
  if (output === 'json') {
    // version.go marshals with two-space indentation, keeping struct field order.
    io.out(`${goJson(info, '  ', true)}\n`);
    return 0;
  }
  if (output === 'yaml') {
    io.out(toYaml(info));
    return 0;
  }
  let text = `Client Version: ${KUBERNETES_VERSION}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`;
  if (!clientOnly) text += `Server Version: ${KUBERNETES_VERSION}\n`;
  io.out(text);
  return 0;
}
