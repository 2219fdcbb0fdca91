/**
 * `kubectl explain RESOURCE[.field.path]` over the v1.30 OpenAPI data the engine carries
 * (src/engine/api/schema/explain.ts prints it).
 */
import { explain } from '../../../engine/api/schema/explain.js';
import type { ParsedFlags } from '../../args/flags.js';
import { printError } from '../../common.js';
import type { CommandModule, KubectlEnv, Output } from '../../types.js';
import { EXPLAIN_SPEC } from './specs.js';

/** The `explain` verb. */
export const EXPLAIN: CommandModule = { path: ['explain'], spec: EXPLAIN_SPEC, run: runExplain };

function runExplain(flags: ParsedFlags, _env: KubectlEnv, io: Output): number {
  if (flags.args.length === 0) {
    return printError(io, 'You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n');
  }
  if (flags.args.length > 1) return printError(io, 'We accept only this format: explain RESOURCE\n');
  const output = flags.string('output');
  if (output !== 'plaintext' && output !== 'plaintext-openapiv2') {
    return printError(io, `unsupported output format: ${output}. Valid values are: (plaintext, plaintext-openapiv2)`);
  }
  const apiVersion = flags.string('api-version');
  const r = explain(flags.args[0]!, { recursive: flags.bool('recursive'), apiVersion: apiVersion || undefined });
  if (!r.ok) return printError(io, r.message);
  io.out(r.text);
  return 0;
}
