/**
 * `-o` as kubectl's PrintFlags read it: which printer a format names, where its template
 * comes from (`-o jsonpath=...`, `--template`, a `-file` variant), and printing objects
 * with it. Tables (`-o wide`, the default) stay with `get`; everything else is here.
 */
import type { KubeObject } from '../engine/api/types.js';
import type { ParsedFlags } from './args/flags.js';
import { goJson } from './printers/go-format.js';
import { printGoTemplate } from './printers/go-template.js';
import { printJson } from './printers/json.js';
import { findJsonPathResults, parseJsonPath, printJsonPath, type PrintResult } from './printers/jsonpath.js';
import { parseCustomColumns, parseCustomColumnsFile, printCustomColumns, type CustomColumn } from './printers/custom-columns.js';
import { printNames } from './printers/name.js';
import { forOutput, listOf, printYaml } from './printers/yaml.js';
import type { KubectlEnv } from './types.js';

/** A printer chosen by `-o`. `table` is the default (or `-o wide`) for verbs that have tables. */
export type PrintFormat =
  | { readonly kind: 'table'; readonly wide: boolean }
  | { readonly kind: 'json' | 'yaml' | 'name' }
  | { readonly kind: 'jsonpath'; readonly template: string; readonly asJson: boolean }
  | { readonly kind: 'go-template'; readonly template: string }
  | { readonly kind: 'custom-columns'; readonly columns: readonly CustomColumn[] };

/** A parsed `-o`, or kubectl's error text (with `error: ` and newline). */
export type FormatParse = { readonly ok: true; readonly format: PrintFormat } | { readonly ok: false; readonly stderr: string };

const fail = (message: string): FormatParse => ({ ok: false, stderr: `error: ${message}\n` });

/**
 * Reads `-o` (and `--template`) against the formats the verb allows. An empty `-o` is
 * the table for verbs that list `wide` among their formats, else `undefined` format
 * means "print the verb's own message" — returned as `{kind: 'table', wide: false}`.
 */
export function readPrintFormat(flags: ParsedFlags, env: KubectlEnv, allowed: readonly string[]): FormatParse {
  const output = flags.string('output');
  const eq = output.indexOf('=');
  const name = eq < 0 ? output : output.slice(0, eq);
  const inline = eq < 0 ? undefined : output.slice(eq + 1);
  if (name === '') return { ok: true, format: { kind: 'table', wide: false } };
  if (!allowed.includes(name)) {
    return fail(`unable to match a printer suitable for the output format "${output}", allowed formats are: ${[...allowed].sort().join(',')}`);
  }
  const templateFlag = flags.values.has('template') ? flags.string('template') : '';
  const template = inline ?? templateFlag;
  const fromFile = (): { ok: true; text: string } | { ok: false; parse: FormatParse } => {
    if (template === '') return { ok: false, parse: fail('template format specified but no template given') };
    const text = env.readFile(template);
    if (text === undefined) return { ok: false, parse: fail(`error reading --template ${template}, open ${template}: no such file or directory`) };
    return { ok: true, text };
  };
  switch (name) {
    case 'wide':
      return { ok: true, format: { kind: 'table', wide: true } };
    case 'json':
    case 'yaml':
    case 'name':
      return { ok: true, format: { kind: name } };
    case 'jsonpath':
    case 'jsonpath-as-json':
      if (template === '') return fail('template format specified but no template given');
      return { ok: true, format: { kind: 'jsonpath', template, asJson: name === 'jsonpath-as-json' } };
    case 'jsonpath-file': {
      const file = fromFile();
      return file.ok ? { ok: true, format: { kind: 'jsonpath', template: file.text, asJson: false } } : file.parse;
    }
    case 'go-template':
    case 'template':
      if (template === '') return fail('template format specified but no template given');
      return { ok: true, format: { kind: 'go-template', template } };
    case 'go-template-file':
    case 'templatefile': {
      const file = fromFile();
      return file.ok ? { ok: true, format: { kind: 'go-template', template: file.text } } : file.parse;
    }
    case 'custom-columns': {
      const parsed = parseCustomColumns(inline ?? '');
      return parsed.ok ? { ok: true, format: { kind: 'custom-columns', columns: parsed.columns } } : { ok: false, stderr: parsed.stderr };
    }
    case 'custom-columns-file': {
      const path = inline ?? '';
      const text = env.readFile(path);
      if (text === undefined) return fail(`open ${path}: no such file or directory`);
      const parsed = parseCustomColumnsFile(text);
      return parsed.ok ? { ok: true, format: { kind: 'custom-columns', columns: parsed.columns } } : { ok: false, stderr: parsed.stderr };
    }
    default:
      return fail(`output format "${name}" not recognized`);
  }
}

/** Printing options from the command line. */
export interface PrintOptions {
  readonly showManagedFields?: boolean;
  readonly allowMissingKeys?: boolean;
  readonly noHeaders?: boolean;
  /** The name printer's operation (`created`) and dry-run suffix. */
  readonly operation?: string;
  readonly dryRun?: DryRunStrategy;
}

/** Reads the print options shared by every printing verb from its flags (those it declares). */
export function printOptionsFrom(flags: ParsedFlags): PrintOptions {
  const has = (n: string) => flags.values.has(n);
  return {
    showManagedFields: has('show-managed-fields') ? flags.bool('show-managed-fields') : false,
    allowMissingKeys: has('allow-missing-template-keys') ? flags.bool('allow-missing-template-keys') : true,
    noHeaders: has('no-headers') ? flags.bool('no-headers') : false,
  };
}

/** `--dry-run`: none, client or server. */
export type DryRunStrategy = 'none' | 'client' | 'server';

/** ` (dry run)` / ` (server dry run)` after a name-printer line. */
export function dryRunSuffix(dryRun: DryRunStrategy | undefined): string {
  return dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
}

/**
 * Prints objects in a non-table format. `single` prints the one object as itself (a
 * named get, a create); otherwise a `kind: List` wraps them as kubectl get does.
 */
export function printObjects(format: PrintFormat, objects: readonly KubeObject[], single: boolean, opts: PrintOptions = {}): PrintResult {
  const one = single && objects.length === 1;
  const shown = objects.map((o) => forOutput(o, opts.showManagedFields));
  const data: unknown = one ? shown[0] : listOf(shown);
  switch (format.kind) {
    case 'json':
      return { ok: true, text: one ? printJson(shown[0]!, { showManagedFields: true }) : printJson(shown, { showManagedFields: true }) };
    case 'yaml':
      return { ok: true, text: one ? printYaml(shown[0]!, { showManagedFields: true }) : printYaml(shown, { showManagedFields: true }) };
    case 'name':
      return { ok: true, text: nameLines(objects, opts.operation, opts.dryRun) };
    case 'jsonpath':
      return format.asJson ? jsonPathAsJson(format.template, data, opts) : printJsonPath(format.template, data, { allowMissingKeys: opts.allowMissingKeys ?? true });
    case 'go-template':
      return printGoTemplate(format.template, data);
    case 'custom-columns':
      return printCustomColumns(format.columns, shown, { noHeaders: opts.noHeaders });
    case 'table':
      // Verbs without tables print names (kubectl's default for mutations is the name printer).
      return { ok: true, text: nameLines(objects, opts.operation, opts.dryRun) };
  }
}

/** `kind.group/name op (dry run)` lines: the name printer with an operation. */
export function nameLines(objects: readonly KubeObject[], operation?: string, dryRun?: DryRunStrategy): string {
  if (dryRun === 'server') return objects.map((o) => printNames([o], operation).replace(/\n$/, ' (server dry run)\n')).join('');
  return printNames(objects, operation, dryRun === 'client');
}

// jsonpath-as-json: every result in one JSON array, indented like MarshalIndent, no newline.
function jsonPathAsJson(template: string, data: unknown, opts: PrintOptions): PrintResult {
  const parsed = parseJsonPath(template);
  if (!parsed.ok) return printJsonPath(template, data);
  const found = findJsonPathResults(parsed.root, data, { allowMissingKeys: opts.allowMissingKeys ?? true });
  if (!found.ok) return printJsonPath(template, data, { allowMissingKeys: opts.allowMissingKeys ?? true });
  return { ok: true, text: goJson(found.results.flat(), '    ') };
}
