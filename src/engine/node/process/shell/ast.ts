/**
 * The syntax tree of the container shell: POSIX sh as busybox ash parses it, minus what
 * container commands never use (job control, arrays, globbing beyond `*` and `?`).
 */

/** A piece of a word. `q` marks quoted text, which is neither field-split nor globbed. */
export type WordPart =
  | { readonly k: 'lit'; readonly text: string; readonly q: boolean }
  /** `$name`, `${name}`, `${name:-word}`, `${#name}` (op `#len`) … */
  | { readonly k: 'param'; readonly name: string; readonly op?: string; readonly arg?: Word; readonly q: boolean }
  /** `$(…)` or backticks. */
  | { readonly k: 'cmd'; readonly src: string; readonly q: boolean }
  /** `$((…))` */
  | { readonly k: 'arith'; readonly src: string; readonly q: boolean };

/** A shell word: parts concatenated, then split into fields where unquoted. */
export type Word = readonly WordPart[];

/** A redirection: `>f`, `>>f`, `<f`, `2>&1`, heredoc. */
export interface Redirect {
  readonly fd: number;
  readonly op: '>' | '>>' | '<' | '>&' | '<&' | '<<';
  /** The file (or fd number as a word for dups). */
  readonly target: Word;
  /** The heredoc body (already read), with `expand` false for a quoted delimiter. */
  readonly heredoc?: { readonly body: string; readonly expand: boolean };
  /** `&>file`: stdout and stderr both. */
  readonly both?: boolean;
}

/** A parsed command. */
export type Node =
  | { readonly t: 'simple'; readonly assigns: readonly { readonly name: string; readonly value: Word }[];
      readonly words: readonly Word[]; readonly redirs: readonly Redirect[] }
  | { readonly t: 'pipeline'; readonly cmds: readonly Node[]; readonly bang: boolean }
  | { readonly t: 'andor'; readonly first: Node; readonly rest: readonly { readonly op: '&&' | '||'; readonly node: Node }[] }
  | { readonly t: 'list'; readonly items: readonly Node[] }
  | { readonly t: 'if'; readonly clauses: readonly { readonly cond: Node; readonly body: Node }[]; readonly otherwise?: Node;
      readonly redirs: readonly Redirect[] }
  | { readonly t: 'loop'; readonly until: boolean; readonly cond: Node; readonly body: Node; readonly redirs: readonly Redirect[] }
  | { readonly t: 'for'; readonly name: string; readonly items: readonly Word[] | undefined; readonly body: Node;
      readonly redirs: readonly Redirect[] }
  | { readonly t: 'group'; readonly body: Node; readonly subshell: boolean; readonly redirs: readonly Redirect[] }
  | { readonly t: 'case'; readonly word: Word; readonly arms: readonly { readonly patterns: readonly Word[]; readonly body: Node }[];
      readonly redirs: readonly Redirect[] }
  | { readonly t: 'func'; readonly name: string; readonly body: Node }
  /** `cmd &`: run in the background. */
  | { readonly t: 'background'; readonly node: Node };

/** A syntax error, with the shell's own wording (`syntax error: unexpected "fi"`). */
export class ShellSyntaxError extends Error {
  constructor(readonly detail: string) {
    super(detail);
  }
}
