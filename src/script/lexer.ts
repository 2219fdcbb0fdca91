/**
 * The shell lexer behind the script format and the prompt: it reads one logical line
 * (up to an unquoted newline) into simple commands made of words, the way a POSIX shell
 * would, but stops at the constructs kubetutor does not run (pipes, `&&`, redirections,
 * command substitution) with an error that says so instead of guessing.
 *
 * shell-quote was tried first and does not fit: it reads `a#b` as a comment, accepts an
 * unterminated quote silently and reports no positions, and a learner's typo must come
 * back as "line 3: unterminated quote", not as a wrong command.
 */

/** A piece of a word: literal text, or a `$VAR` reference expanded later. */
export type WordPart =
  | { readonly kind: 'text'; readonly text: string; readonly quoted: boolean }
  | { readonly kind: 'var'; readonly name: string; readonly quoted: boolean; readonly fallback?: string };

/** One shell word before expansion, with where it sits in the source. */
export interface Word {
  readonly parts: readonly WordPart[];
  readonly start: number;
  readonly end: number;
}

/** A `<<WORD` request: the body is read from the lines after the command. */
export interface HeredocRequest {
  readonly delimiter: string;
  /** `<<'EOF'` / `<<"EOF"`: the body passes unchanged, no `$VAR` expansion. */
  readonly quoted: boolean;
  /** `<<-EOF`: leading tabs are stripped from body lines and the end line. */
  readonly stripTabs: boolean;
}

/** One simple command as lexed: its words, an optional heredoc, its source span. */
export interface LexedCommand {
  readonly words: readonly Word[];
  readonly heredoc?: HeredocRequest;
  readonly start: number;
  readonly end: number;
}

/** A syntax error at a source offset; `incomplete` means more input could complete it. */
export interface LexError {
  readonly offset: number;
  readonly message: string;
  readonly incomplete: boolean;
}

/** The commands of one logical line and the offset just past its newline. */
export type LexLineResult =
  | { readonly ok: true; readonly commands: readonly LexedCommand[]; readonly next: number }
  | { readonly ok: false; readonly error: LexError };

const BLANK = new Set([' ', '\t', '\r']);
const WORD_END = new Set([' ', '\t', '\r', '\n', ';', '&', '|', '<', '>', '(', ')']);
const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

/** Why each unsupported operator is refused: one command per line is the format's rule. */
const UNSUPPORTED: ReadonlyArray<[string, string]> = [
  ['&&', "'&&' is not supported: put each command on its own line"],
  ['||', "'||' is not supported: put each command on its own line"],
  ['|', "pipes ('|') are not supported: put each command on its own line"],
  ['&', "background jobs ('&') are not supported"],
  ['>', "redirections ('>') are not supported"],
  ['<', "redirections ('<') are not supported; use a heredoc (<<EOF) for stdin"],
  ['(', "subshells ('(') are not supported"],
  [')', "unexpected ')'"],
];

class Fail {
  constructor(readonly error: LexError) {}
}

/** Lexes the logical line starting at `pos` of `src`. */
export function lexLine(src: string, pos: number): LexLineResult {
  try {
    return new Lexer(src, pos).line();
  } catch (e) {
    if (e instanceof Fail) return { ok: false, error: e.error };
    throw e;
  }
}

class Lexer {
  private commands: LexedCommand[] = [];
  private words: Word[] = [];
  private heredoc: HeredocRequest | undefined;
  private cmdStart = -1;
  private cmdEnd = -1;

  constructor(
    private readonly src: string,
    private pos: number,
  ) {}

  line(): LexLineResult {
    const { src } = this;
    while (this.pos < src.length) {
      const c = src[this.pos]!;
      if (BLANK.has(c)) {
        this.pos++;
      } else if (c === '\\' && src[this.pos + 1] === '\n') {
        this.pos += 2; // continuation between words
      } else if (c === '\n') {
        this.pos++;
        break;
      } else if (c === '#') {
        while (this.pos < src.length && src[this.pos] !== '\n') this.pos++;
      } else if (c === ';') {
        if (this.words.length === 0 && !this.heredoc) this.fail(this.pos, "syntax error near unexpected token ';'");
        this.pos++;
        this.endCommand();
      } else if (src.startsWith('<<', this.pos)) {
        this.readHeredocOperator();
      } else if (WORD_END.has(c)) {
        const [, message] = UNSUPPORTED.find(([op]) => src.startsWith(op, this.pos))!;
        this.fail(this.pos, message);
      } else {
        this.mark(this.pos);
        const word = this.readWord();
        this.words.push(word);
        this.cmdEnd = word.end;
      }
    }
    this.endCommand();
    return { ok: true, commands: this.commands, next: this.pos };
  }

  private mark(at: number): void {
    if (this.cmdStart < 0) this.cmdStart = at;
  }

  private endCommand(): void {
    if (this.words.length > 0 || this.heredoc) {
      this.commands.push({ words: this.words, heredoc: this.heredoc, start: this.cmdStart, end: this.cmdEnd });
    }
    this.words = [];
    this.heredoc = undefined;
    this.cmdStart = -1;
    this.cmdEnd = -1;
  }

  private readHeredocOperator(): void {
    const at = this.pos;
    this.mark(at);
    this.pos += 2;
    const stripTabs = this.src[this.pos] === '-';
    if (stripTabs) this.pos++;
    while (this.src[this.pos] === ' ' || this.src[this.pos] === '\t') this.pos++;
    if (this.pos >= this.src.length || WORD_END.has(this.src[this.pos]!)) {
      this.fail(at, 'syntax error: a heredoc (<<) needs a delimiter word, e.g. <<EOF');
    }
    if (this.heredoc) this.fail(at, 'only one heredoc per command is supported');
    const word = this.readWord();
    // The delimiter is taken literally; any quoting in it turns expansion off (POSIX).
    const quoted = word.parts.some((p) => p.quoted);
    const delimiter = word.parts.map((p) => (p.kind === 'text' ? p.text : `$${p.name}`)).join('');
    this.heredoc = { delimiter, quoted, stripTabs };
    this.cmdEnd = word.end;
  }

  private readWord(): Word {
    const { src } = this;
    const start = this.pos;
    const parts: WordPart[] = [];
    let text = '';
    const flush = (quoted: boolean) => {
      if (text) parts.push({ kind: 'text', text, quoted });
      text = '';
    };
    while (this.pos < src.length && !WORD_END.has(src[this.pos]!)) {
      const c = src[this.pos]!;
      if (c === '\\') {
        const next = src[this.pos + 1];
        if (next === undefined) this.fail(this.pos, 'unexpected end of input after \\', true);
        this.pos += 2;
        if (next === '\n') continue; // continuation inside a word joins it
        flush(false);
        parts.push({ kind: 'text', text: next!, quoted: true });
      } else if (c === "'") {
        flush(false);
        const close = src.indexOf("'", this.pos + 1);
        if (close < 0) this.fail(this.pos, "unterminated quote: missing closing '", true);
        parts.push({ kind: 'text', text: src.slice(this.pos + 1, close), quoted: true });
        this.pos = close + 1;
      } else if (c === '"') {
        flush(false);
        this.readDoubleQuoted(parts);
      } else if (c === '$') {
        const ref = this.readDollar(false);
        if (ref) {
          flush(false);
          parts.push(ref);
        } else {
          text += '$';
          this.pos++;
        }
      } else if (c === '`') {
        this.fail(this.pos, 'command substitution (`...`) is not supported');
      } else {
        text += c;
        this.pos++;
      }
    }
    flush(false);
    return { parts, start, end: this.pos };
  }

  /** Reads `"..."`: `\` escapes only $ ` " \ and newline inside, as in POSIX sh. */
  private readDoubleQuoted(parts: WordPart[]): void {
    const { src } = this;
    const open = this.pos++;
    let text = '';
    const flush = () => {
      parts.push({ kind: 'text', text, quoted: true });
      text = '';
    };
    for (;;) {
      if (this.pos >= src.length) this.fail(open, 'unterminated quote: missing closing "', true);
      const c = src[this.pos]!;
      if (c === '"') {
        this.pos++;
        break;
      }
      if (c === '\\' && '$`"\\\n'.includes(src[this.pos + 1] ?? '')) {
        const next = src[this.pos + 1]!;
        if (next !== '\n') text += next;
        this.pos += 2;
      } else if (c === '$') {
        const ref = this.readDollar(true);
        if (ref) {
          if (text) flush();
          parts.push(ref);
        } else {
          text += '$';
          this.pos++;
        }
      } else if (c === '`') {
        this.fail(this.pos, 'command substitution (`...`) is not supported');
      } else {
        text += c;
        this.pos++;
      }
    }
    // `""` is still a word: keep an empty quoted part so it survives expansion.
    if (text || parts.length === 0 || parts[parts.length - 1]!.kind !== 'var') flush();
  }

  /** Reads `$NAME` / `${NAME}` / `${NAME:-default}` at pos; undefined when `$` is literal. */
  private readDollar(quoted: boolean): WordPart | undefined {
    const r = readDollarAt(this.src, this.pos, quoted);
    if (r === undefined) return undefined;
    if ('error' in r) this.fail(this.pos, r.error, r.incomplete);
    this.pos = r.next;
    return r.part;
  }

  private fail(offset: number, message: string, incomplete = false): never {
    throw new Fail({ offset, message, incomplete });
  }
}

/** Parses a `$` reference at `pos`: shared by words and unquoted heredoc bodies. */
export function readDollarAt(
  src: string,
  pos: number,
  quoted: boolean,
): { part: WordPart; next: number } | { error: string; incomplete: boolean } | undefined {
  const next = src[pos + 1] ?? '';
  if (next === '(') return { error: 'command substitution ($(...)) is not supported', incomplete: false };
  if (next === '{') {
    const close = src.indexOf('}', pos + 2);
    if (close < 0) return { error: 'unterminated ${: missing closing }', incomplete: true };
    const body = src.slice(pos + 2, close);
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(?::-(.*))?$/s.exec(body);
    if (!m) return { error: `bad substitution: \${${body}}`, incomplete: false };
    return { part: { kind: 'var', name: m[1]!, quoted, fallback: m[2] }, next: close + 1 };
  }
  if (!NAME_START.test(next)) return undefined;
  let end = pos + 2;
  while (end < src.length && NAME_CHAR.test(src[end]!)) end++;
  return { part: { kind: 'var', name: src.slice(pos + 1, end), quoted }, next: end };
}
