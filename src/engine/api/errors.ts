/**
 * Status errors worded exactly as k8s.io/apimachinery/pkg/api/errors words them, so that
 * kubectl can print `Error from server (Reason): message` as it does against a real server.
 */
import { qualifiedResource, type ResourceType } from './discovery.js';
import type { FieldError, StatusError, StatusReason } from './types.js';

function status(reason: StatusReason, code: number, message: string, details?: StatusError['details']): StatusError {
  return { kind: 'Status', apiVersion: 'v1', status: 'Failure', message, reason, code, ...(details ? { details } : {}) };
}

/** 404: `pods "x" not found`, `deployments.apps "x" not found`. */
export function notFound(t: ResourceType, name: string): StatusError {
  return status('NotFound', 404, `${qualifiedResource(t)} "${name}" not found`, { name, group: t.group, kind: t.resource });
}

/** 409: `pods "x" already exists`. */
export function alreadyExists(t: ResourceType, name: string): StatusError {
  return status('AlreadyExists', 409, `${qualifiedResource(t)} "${name}" already exists`, { name, group: t.group, kind: t.resource });
}

/** 409 on a stale resourceVersion. */
export function conflict(t: ResourceType, name: string, detail = 'the object has been modified; please apply your changes to the latest version and try again'): StatusError {
  return status('Conflict', 409, `Operation cannot be fulfilled on ${qualifiedResource(t)} "${name}": ${detail}`, { name, group: t.group, kind: t.resource });
}

/** 400 with the message as given. */
export function badRequest(message: string): StatusError {
  return status('BadRequest', 400, message);
}

/** 405. */
export function methodNotAllowed(message: string): StatusError {
  return status('MethodNotAllowed', 405, message);
}

/** 500, for states the engine should never reach but must not crash on. */
export function internalError(message: string): StatusError {
  return status('InternalError', 500, `Internal error occurred: ${message}`);
}

/** 403 with a complete message (see forbiddenMessage for the RBAC wording). */
export function forbidden(message: string, t?: ResourceType, name?: string): StatusError {
  return status('Forbidden', 403, message, t ? { name, group: t.group, kind: t.resource } : undefined);
}

/** The key under which a validator hands over a value already rendered in Go syntax. */
const GO_SYNTAX_KEY = Symbol.for('kubetutor.go-syntax');

/** Renders a value the way Go's `%#v`-ish field.Invalid printing shows it for common types. */
export function renderFieldValue(value: unknown): string {
  // Validators wrap values the server prints in Go syntax (structs, typed nil maps).
  if (value && typeof value === 'object' && GO_SYNTAX_KEY in value) return String((value as Record<symbol, unknown>)[GO_SYNTAX_KEY]);
  if (typeof value === 'string') return `"${value}"`;
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[]string{${value.map((v) => JSON.stringify(v)).join(', ')}}`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `map[string]string{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(', ')}}`;
  }
  return String(value);
}

/** One cause as field.Error.Error() prints it: `spec.replicas: Invalid value: -1: must be ...`. */
export function fieldErrorMessage(e: FieldError): string {
  switch (e.type) {
    case 'Required':
      return `${e.field}: Required value${e.detail ? `: ${e.detail}` : ''}`;
    case 'Forbidden':
      return `${e.field}: Forbidden${e.detail ? `: ${e.detail}` : ''}`;
    case 'TooLong':
      return `${e.field}: Too long${e.detail ? `: ${e.detail}` : ''}`;
    case 'TooMany':
      return `${e.field}: Too many${e.detail ? `: ${e.detail}` : ''}`;
    case 'NotFound':
      return `${e.field}: Not found: ${renderFieldValue(e.value)}`;
    case 'Duplicate':
      return `${e.field}: Duplicate value: ${renderFieldValue(e.value)}`;
    case 'NotSupported':
      return `${e.field}: Unsupported value: ${renderFieldValue(e.value)}${e.detail ? `: ${e.detail}` : ''}`;
    case 'Invalid':
      return `${e.field}: Invalid value: ${renderFieldValue(e.value)}${e.detail ? `: ${e.detail}` : ''}`;
  }
}

/**
 * 422: `The Pod "nginx" is invalid: <cause>`, or with several causes the `[a, b]` list the
 * server sends (kubectl re-flows it into `* cause` lines).
 */
export function invalid(kind: string, name: string, errors: readonly FieldError[], group = ''): StatusError {
  const causes = errors.map((e) => ({ reason: `Field${e.type === 'Invalid' ? 'ValueInvalid' : 'Value' + e.type}`, message: fieldErrorMessage(e), field: e.field }));
  const list = causes.map((c) => c.message);
  const summary = list.length === 1 ? list[0] : `[${list.join(', ')}]`;
  return status('Invalid', 422, `${kind} "${name}" is invalid: ${summary}`, {
    name,
    group,
    kind,
    causes: causes.map((c) => ({ ...c, message: c.message.slice(c.field.length + 2) })),
  });
}
