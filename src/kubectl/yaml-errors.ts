/**
 * js-yaml's syntax errors reworded as the Go YAML parser kubectl uses (sigs.k8s.io/yaml
 * over go-yaml v2) words them, with its line numbers: a scanner error names the 1-based
 * line of the bad token, a parser error its 0-based line (go-yaml's fail() quirk), so
 * `yaml: line 4: did not find expected key` points one line above the dedented key.
 * Pinned against /usr/bin/kubectl on the mistakes learners make most.
 */
import type { YAMLException } from 'js-yaml';

/** The Go text after `error converting YAML to JSON: ` for a js-yaml error in `doc`. */
export function goYamlError(e: YAMLException, doc: string): string {
  const line = e.mark?.line ?? 0;
  const reason = e.reason ?? e.message;
  const lines = doc.split('\n');
  switch (reason) {
    case 'bad indentation of a mapping entry':
      // Deeper than the key before it: the scanner sees `key: value` where no mapping may
      // start. Shallower: the parser finds a key at no mapping's column.
      return indentOf(lines[line] ?? '') > keyColumnBefore(lines, line)
        ? `yaml: line ${line + 1}: mapping values are not allowed in this context`
        : `yaml: line ${line}: did not find expected key`;
    case 'tab characters must not be used in indentation':
      return `yaml: line ${line + 1}: found character that cannot start any token`;
    case 'unexpected end of the stream within a double quoted scalar':
    case 'unexpected end of the stream within a single quoted scalar':
      return `yaml: line ${line + 1}: found unexpected end of stream`;
    case 'unexpected end of the stream within a flow collection':
      return `yaml: line ${line}: did not find expected ',' or '${unclosedBracket(doc)}'`;
    case 'end of the stream or a document separator is expected':
      return `yaml: line ${line}: did not find expected key`;
    case 'can not read a block mapping entry; a multiline key may not be an implicit key':
      return `yaml: line ${line + 1}: could not find expected ':'`;
    default:
      return `yaml: line ${line + 1}: ${reason}`;
  }
}

function indentOf(text: string): number {
  return text.length - text.trimStart().length;
}

/** The column where the keys of the nearest non-blank line above start (`- name:` counts its dash). */
function keyColumnBefore(lines: readonly string[], line: number): number {
  for (let i = line - 1; i >= 0; i--) {
    const text = lines[i]!;
    if (text.trim() === '' || text.trimStart().startsWith('#')) continue;
    const m = /^(\s*)((?:- +)*)/.exec(text)!;
    return m[1]!.length + m[2]!.length;
  }
  return 0;
}

/** The closing bracket of the innermost flow collection left open (quotes skipped). */
function unclosedBracket(doc: string): string {
  const stack: string[] = [];
  let quote: string | undefined;
  for (const c of doc) {
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') stack.push(c === '[' ? ']' : '}');
    else if ((c === ']' || c === '}') && stack.length > 0) stack.pop();
  }
  return stack[stack.length - 1] ?? ']';
}

/**
 * Go's encoding/json wording for JSON.parse failures: a truncated document is
 * `unexpected EOF`, anything else `invalid character 'x' ...`.
 */
export function goJsonError(text: string, e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  if (/end of (JSON )?input|Unterminated string/i.test(message)) return 'unexpected EOF';
  const m = /position (\d+)/.exec(message);
  const at = m ? Number(m[1]) : -1;
  const c = at >= 0 ? text[at] : undefined;
  return c === undefined ? 'unexpected EOF' : `invalid character '${c}' looking for beginning of value`;
}
