/**
 * YAML parsing that remembers where things are. js-yaml 4 gives no positions for nodes,
 * but its `listener` option reports every node as it opens (with the parser's current
 * line) and closes (with its kind and value). Children close before their parent, so a
 * stack of child lists rebuilds the node tree with lines; walking that tree next to the
 * value gives a map from field paths (`stages[1].checks[0].podz`) to 1-based lines. A
 * mapping value is placed on its key's line, which is where an author looks. When a path
 * is not in the map (e.g. an empty value), its nearest ancestor's line is used.
 */
import yaml from 'js-yaml';

interface YamlNode {
  readonly line: number;
  readonly kind: string | null;
  readonly children: YamlNode[];
}

/** A parsed document and the lines of its fields. */
export interface LocatedYaml {
  readonly value: unknown;
  /** The 1-based line of a field path, or of its nearest located ancestor (1 at worst). */
  lineOf(path: string): number;
}

/** A YAML syntax error with its 1-based line. */
export interface YamlSyntaxError {
  readonly line: number;
  readonly reason: string;
}

/** Parses YAML (safe: js-yaml 4's default schema builds no code) and locates its fields. */
export function parseLocated(text: string): { ok: true; doc: LocatedYaml } | { ok: false; error: YamlSyntaxError } {
  const stack: { line: number; children: YamlNode[] }[] = [{ line: 0, children: [] }];
  let value: unknown;
  try {
    value = yaml.load(text, {
      listener(event, state) {
        if (event === 'open') {
          stack.push({ line: state.line, children: [] });
          return;
        }
        const frame = stack.pop()!;
        stack[stack.length - 1]!.children.push({ line: frame.line, kind: state.kind, children: frame.children });
      },
    });
  } catch (e) {
    if (e instanceof yaml.YAMLException) return { ok: false, error: { line: (e.mark?.line ?? 0) + 1, reason: e.reason ?? e.message } };
    throw e;
  }
  const lines = new Map<string, number>();
  const root = stack[0]!.children.at(-1);
  if (root) record(root, value, '', root.line, lines);
  return {
    ok: true,
    doc: {
      value,
      lineOf(path: string): number {
        for (let p = path; ; p = parentPath(p)) {
          const line = lines.get(p);
          if (line !== undefined) return line + 1;
          if (p === '') return 1;
        }
      },
    },
  };
}

function record(node: YamlNode, value: unknown, path: string, line: number, lines: Map<string, number>): void {
  lines.set(path, line);
  if (node.kind === 'mapping' && value && typeof value === 'object' && !Array.isArray(value)) {
    // Children alternate key, value; a key's line is where its field is written.
    for (let i = 0; i + 1 < node.children.length; i += 2) {
      const key = node.children[i]!;
      const child = node.children[i + 1]!;
      const name = keyName(value as Record<string, unknown>, i / 2);
      if (name === undefined) return;
      record(child, (value as Record<string, unknown>)[name], joinKey(path, name), key.line, lines);
    }
  } else if (node.kind === 'sequence' && Array.isArray(value)) {
    node.children.forEach((child, i) => {
      if (i < value.length) record(child, value[i], `${path}[${i}]`, child.line, lines);
    });
  }
}

// The n-th key as the object holds it (js-yaml keeps insertion order; duplicate keys throw).
function keyName(obj: Record<string, unknown>, n: number): string | undefined {
  return Object.keys(obj)[n];
}

/** `a.b` for a key under `a`; a key that is not a plain word is quoted: `labels["app.kubernetes.io/name"]`. */
export function joinKey(path: string, key: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(key)) return path ? `${path}.${key}` : key;
  return `${path}[${JSON.stringify(key)}]`;
}

/** The path one level up: `a.b[2]` -> `a.b`, `a.b` -> `a`, `a` -> ``. */
export function parentPath(path: string): string {
  const m = /^(.*?)(?:\.[A-Za-z_][A-Za-z0-9_-]*|\[[^\]]*\])$/.exec(path);
  return m ? m[1]! : '';
}
