/**
 * Flag declarations many verbs share, worded as kubectl v1.30 words them, so each verb's
 * spec lists them by name instead of copying the texts (kubectl's genericclioptions
 * PrintFlags, FileNameFlags, dry-run and selector helpers).
 */
import type { FlagSpec } from './args/flags.js';

/** The formats after `-o`, in the order kubectl's `--help` lists them. */
export const JSON_YAML_FORMATS = ['json', 'yaml'] as const;
export const NAME_FORMATS = ['name'] as const;
export const TEMPLATE_FORMATS = ['go-template', 'go-template-file', 'template', 'templatefile'] as const;
export const JSONPATH_FORMATS = ['jsonpath', 'jsonpath-as-json', 'jsonpath-file'] as const;
export const CUSTOM_COLUMN_FORMATS = ['custom-columns', 'custom-columns-file'] as const;

/** What `create`, `apply`, `label`... accept after `-o` (no tables). */
export const OBJECT_FORMATS: readonly string[] = [...JSON_YAML_FORMATS, ...NAME_FORMATS, ...TEMPLATE_FORMATS, ...JSONPATH_FORMATS];
/** What `get` accepts after `-o`. */
export const GET_FORMATS: readonly string[] = [...OBJECT_FORMATS, ...CUSTOM_COLUMN_FORMATS, 'wide'];

/** `-o, --output` listing the given formats, with get's extra links when tables are allowed. */
export function outputFlag(formats: readonly string[] = OBJECT_FORMATS): FlagSpec {
  const tail = formats.includes('custom-columns')
    ? ' See custom columns [https://kubernetes.io/docs/reference/kubectl/#custom-columns], golang template [http://golang.org/pkg/text/template/#pkg-overview] and jsonpath template [https://kubernetes.io/docs/reference/kubectl/jsonpath/].'
    : '';
  return { name: 'output', short: 'o', type: 'string', usage: `Output format. One of: (${formats.join(', ')}).${tail}` };
}

/** `--allow-missing-template-keys`. */
export const ALLOW_MISSING_TEMPLATE_KEYS_FLAG: FlagSpec = {
  name: 'allow-missing-template-keys',
  type: 'bool',
  default: true,
  usage: 'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.',
};

/** `--show-managed-fields`. */
export const SHOW_MANAGED_FIELDS_FLAG: FlagSpec = { name: 'show-managed-fields', type: 'bool', usage: 'If true, keep the managedFields when printing objects in JSON or YAML format.' };

/** `--template`. */
export const TEMPLATE_FLAG: FlagSpec = {
  name: 'template',
  type: 'string',
  usage:
    'Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].',
};

/** `--template`, `--allow-missing-template-keys`, `--show-managed-fields`: the rest of PrintFlags. */
export const TEMPLATE_FLAGS: readonly FlagSpec[] = [ALLOW_MISSING_TEMPLATE_KEYS_FLAG, SHOW_MANAGED_FIELDS_FLAG, TEMPLATE_FLAG];

/** `-o` plus the template flags: what a verb that prints objects declares. */
export function printFlags(formats: readonly string[] = OBJECT_FORMATS): FlagSpec[] {
  return [outputFlag(formats), ...TEMPLATE_FLAGS];
}

/** `--dry-run`; a bare `--dry-run` means `unchanged` (deprecated, read as client). */
export const DRY_RUN_FLAG: FlagSpec = {
  name: 'dry-run',
  type: 'string',
  default: 'none',
  noOptDefault: 'unchanged',
  usage:
    'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
};

/** `-f`, `-R`, `-k` with the verb's wording of `-f` (e.g. "to use to create the resource"). */
export function filenameFlags(usage: string): FlagSpec[] {
  return [
    { name: 'filename', short: 'f', type: 'stringSlice', usage },
    { name: 'kustomize', short: 'k', type: 'string', usage: "Process the kustomization directory. This flag can't be used together with -f or -R." },
    {
      name: 'recursive',
      short: 'R',
      type: 'bool',
      usage: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.',
    },
  ];
}

/** `-l, --selector`. */
export const SELECTOR_FLAG: FlagSpec = {
  name: 'selector',
  short: 'l',
  type: 'string',
  usage:
    "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.",
};

/** `--field-selector`. */
export const FIELD_SELECTOR_FLAG: FlagSpec = {
  name: 'field-selector',
  type: 'string',
  usage:
    "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.",
};

/** `-A, --all-namespaces` with the verb's wording. */
export function allNamespacesFlag(
  usage = 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.',
): FlagSpec {
  return { name: 'all-namespaces', short: 'A', type: 'bool', usage };
}

/** `--validate` as create/apply/replace declare it. */
export const VALIDATE_FLAG: FlagSpec = {
  name: 'validate',
  type: 'string',
  default: 'strict',
  noOptDefault: 'strict',
  usage:
    'Must be one of: strict (or true), warn, ignore (or false). "true" or "strict" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. "warn" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as "ignore" otherwise. "false" or "ignore" will not perform any schema validation, silently dropping any unknown or duplicate fields.',
};

/** `--field-manager` with the verb's default manager name (`kubectl-create`). */
export function fieldManagerFlag(manager: string): FlagSpec {
  return { name: 'field-manager', type: 'string', default: manager, usage: 'Name of the manager used to track field ownership.' };
}
