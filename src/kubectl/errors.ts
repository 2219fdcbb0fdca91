/**
 * How kubectl prints what went wrong (cmd/util/helpers.go checkErr): API Status errors as
 * `Error from server (NotFound): pods "x" not found`, Invalid as `The Pod "x" is invalid:`
 * with one `* field: msg` line per cause, and everything else as `error: ...`.
 */
import { qualifiedResource, type ResourceType } from '../engine/api/discovery.js';
import type { StatusError } from '../engine/api/types.js';
import type { Output } from './types.js';

/** A failure a verb reports: a Status from the API, or kubectl's own message text. */
export type CommandError = StatusError | string;

/** kubectl's exit code for every error it prints (DefaultErrorExitCode). */
export const ERROR_EXIT_CODE = 1;

function isStatus(e: CommandError): e is StatusError {
  return typeof e !== 'string';
}

/** `error: msg` unless msg already starts with it (checkErr's default branch). */
function plainMessage(message: string): string {
  return message.startsWith('error: ') ? message : `error: ${message}`;
}

/** StandardErrorMessage: `Error from server (Reason): message`. */
export function standardErrorMessage(e: CommandError): string {
  if (!isStatus(e)) return plainMessage(e);
  if (e.reason === 'Unauthorized') return `error: You must be logged in to the server (${e.message})`;
  return e.reason ? `Error from server (${e.reason}): ${e.message}` : `Error from server: ${e.message}`;
}

/**
 * The Invalid branch of checkErr: `The Kind "name" is invalid: cause`, or with several
 * causes the first line ends in `: ` and each cause follows as `* field: message`.
 */
function invalidMessage(e: StatusError): string {
  const details = e.details;
  if (!details) return 'The request is invalid\n';
  let s = 'The request is invalid';
  if (details.kind || details.name) s = `The ${details.kind ?? ''} "${details.name ?? ''}" is invalid`;
  const causes = [...new Set((details.causes ?? []).map((c) => `${c.field}: ${c.message}`))];
  if (causes.length === 0) return `${s}\n`;
  if (causes.length === 1) return `${s}: ${causes[0]}\n`;
  return `${s}: \n${causes.map((c) => `* ${c}\n`).join('')}`;
}

/** The exact stderr text for one error (checkErr), ending in a newline. */
export function errorText(e: CommandError): string {
  const text = isStatus(e) && e.reason === 'Invalid' ? invalidMessage(e) : standardErrorMessage(e);
  return text.endsWith('\n') ? text : `${text}\n`;
}

/**
 * The stderr for several errors collected along the way (utilerrors.Aggregate through
 * checkErr's MultipleErrors): each as its standard message on its own line. One error
 * prints as errorText would, as the verbs that return `errs[0]` alone do.
 */
export function errorsText(errors: readonly CommandError[], opts: { aggregateOne?: boolean } = {}): string {
  if (errors.length === 1 && !opts.aggregateOne) return errorText(errors[0]!);
  return errors.map((e) => `${standardErrorMessage(e)}\n`).join('');
}

/** Writes the error(s) to stderr and returns kubectl's exit code for them. */
export function printError(io: Output, e: CommandError | readonly CommandError[]): number {
  io.err(Array.isArray(e) ? errorsText(e) : errorText(e as CommandError));
  return ERROR_EXIT_CODE;
}

/**
 * AddSourceToErr: an error about an object read from a file names the file, e.g.
 * `Error from server (AlreadyExists): error when creating "pod.yaml": pods "nginx" already exists`.
 * Invalid errors print from their details, so the file does not show there (as in kubectl).
 */
export function withSource(e: CommandError, verb: string, source: string): CommandError {
  if (!source) return e;
  if (isStatus(e)) return { ...e, message: `error when ${verb} "${source}": ${e.message}` };
  return `error when ${verb} "${source}": ${e}`;
}

/** `error: the server doesn't have a resource type "foo"`. */
export function unknownResourceType(resource: string): string {
  return `the server doesn't have a resource type "${resource}"`;
}

/** `pods "x" not found` as a client-side NotFound (e.g. after a prefix search found nothing). */
export function notFoundStatus(t: ResourceType, name: string): StatusError {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    status: 'Failure',
    message: `${qualifiedResource(t)} "${name}" not found`,
    reason: 'NotFound',
    code: 404,
    details: { name, group: t.group, kind: t.resource },
  };
}
