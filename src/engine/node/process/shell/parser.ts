/**
 * A recursive-descent parser for the container shell: lists, and-or chains, pipelines,
 * if/while/until/for/case, groups, subshells, functions, redirections and heredocs.
 */
import { ShellSyntaxError, type Node, type Redirect, type Word, type WordPart } from './ast.js';
import { tokenize, type Token } from './lexer.js';

const RESERVED_END = new Set(['then', 'elif', 'else', 'fi', 'do', 'done', 'esac', '}']);

/** Parses a script into a list node; throws ShellSyntaxError with the shell's wording. */
export function parseScript(src: string): Node {
  const p = new Parser(tokenize(src));
  const list = p.list();
  p.skipNewlines();
  if (!p.atEnd()) throw new ShellSyntaxError(`syntax error: unexpected "${p.describe()}"`);
  return list;
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  atEnd(): boolean {
    return this.i >= this.tokens.length;
  }

  describe(): string {
    const t = this.tokens[this.i];
    if (!t) return 'end of file';
    return t.type === 'word' ? t.raw : t.type === 'op' ? t.op : 'newline';
  }

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private isWord(raw: string): boolean {
    const t = this.peek();
    return t?.type === 'word' && !t.quoted && t.raw === raw;
  }

  private isOp(op: string): boolean {
    const t = this.peek();
    return t?.type === 'op' && t.op === op;
  }

  skipNewlines(): void {
    while (this.peek()?.type === 'newline') this.i++;
  }

  private expectWord(raw: string): void {
    this.skipNewlines();
    if (!this.isWord(raw)) throw new ShellSyntaxError(`syntax error: unexpected "${this.describe()}" (expecting "${raw}")`);
    this.i++;
  }

  /** list := and_or ((';' | '&' | newline) and_or)* — stops at reserved closers and ')'. */
  list(): Node {
    const items: Node[] = [];
    for (;;) {
      this.skipNewlines();
      const t = this.peek();
      if (!t || (t.type === 'op' && (t.op === ')' || t.op === ';;')) || (t.type === 'word' && !t.quoted && RESERVED_END.has(t.raw))) break;
      let node = this.andOr();
      if (this.isOp('&')) {
        this.i++;
        node = { t: 'background', node };
      } else if (this.isOp(';')) this.i++;
      items.push(node);
    }
    return { t: 'list', items };
  }

  private andOr(): Node {
    const first = this.pipeline();
    const rest: { op: '&&' | '||'; node: Node }[] = [];
    while (this.isOp('&&') || this.isOp('||')) {
      const op = (this.peek() as { op: '&&' | '||' }).op;
      this.i++;
      this.skipNewlines();
      rest.push({ op, node: this.pipeline() });
    }
    return rest.length ? { t: 'andor', first, rest } : first;
  }

  private pipeline(): Node {
    let bang = false;
    if (this.isWord('!')) {
      bang = true;
      this.i++;
    }
    const cmds = [this.command()];
    while (this.isOp('|')) {
      this.i++;
      this.skipNewlines();
      cmds.push(this.command());
    }
    return cmds.length === 1 && !bang ? cmds[0]! : { t: 'pipeline', cmds, bang };
  }

  private command(): Node {
    const t = this.peek();
    if (!t) throw new ShellSyntaxError('syntax error: unexpected end of file');
    if (t.type === 'op' && t.op === '(') {
      this.i++;
      const body = this.list();
      if (!this.isOp(')')) throw new ShellSyntaxError(`syntax error: unexpected "${this.describe()}" (expecting ")")`);
      this.i++;
      return { t: 'group', body, subshell: true, redirs: this.redirects() };
    }
    if (t.type === 'word' && !t.quoted) {
      switch (t.raw) {
        case 'if': return this.ifClause();
        case 'while': case 'until': return this.loop(t.raw === 'until');
        case 'for': return this.forClause();
        case 'case': return this.caseClause();
        case '{': {
          this.i++;
          const body = this.list();
          this.expectWord('}');
          return { t: 'group', body, subshell: false, redirs: this.redirects() };
        }
        default:
          if (RESERVED_END.has(t.raw)) throw new ShellSyntaxError(`syntax error: unexpected "${t.raw}"`);
      }
      const next = this.tokens[this.i + 1];
      const after = this.tokens[this.i + 2];
      if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(t.raw) && next?.type === 'op' && next.op === '(' && after?.type === 'op' && after.op === ')') {
        this.i += 3;
        this.skipNewlines();
        return { t: 'func', name: t.raw, body: this.command() };
      }
    }
    if (t.type === 'op' && !isRedirectOp(t.op)) throw new ShellSyntaxError(`syntax error: unexpected "${t.op}"`);
    return this.simple();
  }

  private simple(): Node {
    const assigns: { name: string; value: Word }[] = [];
    const words: Word[] = [];
    const redirs: Redirect[] = [];
    for (;;) {
      const t = this.peek();
      if (!t) break;
      if (t.type === 'op' && isRedirectOp(t.op)) {
        redirs.push(this.redirect());
        continue;
      }
      if (t.type !== 'word') break;
      const assign = words.length === 0 ? asAssignment(t) : undefined;
      if (assign) assigns.push(assign);
      else words.push(t.word);
      this.i++;
    }
    return { t: 'simple', assigns, words, redirs };
  }

  private redirects(): Redirect[] {
    const out: Redirect[] = [];
    for (let t = this.peek(); t?.type === 'op' && isRedirectOp(t.op); t = this.peek()) out.push(this.redirect());
    return out;
  }

  private redirect(): Redirect {
    const t = this.tokens[this.i++] as { op: string; fd?: number };
    if (t.op === '<<' || t.op === '<<-') {
      const doc = this.tokens[this.i++] as Token;
      const body = doc.type === 'heredoc' ? doc : { body: '', expand: false };
      return { fd: t.fd ?? 0, op: '<<', target: [], heredoc: { body: body.body, expand: body.expand } };
    }
    const target = this.peek();
    if (target?.type !== 'word') throw new ShellSyntaxError(`syntax error: unexpected ${this.describe()}`);
    this.i++;
    const op = t.op === '>|' ? '>' : t.op;
    if (op === '&>') return { fd: 1, op: '>', target: target.word, both: true };
    const fd = t.fd ?? (op.startsWith('<') ? 0 : 1);
    return { fd, op: op as Redirect['op'], target: target.word };
  }

  private ifClause(): Node {
    this.i++;
    const clauses: { cond: Node; body: Node }[] = [];
    const cond = this.list();
    this.expectWord('then');
    clauses.push({ cond, body: this.list() });
    let otherwise: Node | undefined;
    for (;;) {
      this.skipNewlines();
      if (this.isWord('elif')) {
        this.i++;
        const c = this.list();
        this.expectWord('then');
        clauses.push({ cond: c, body: this.list() });
      } else if (this.isWord('else')) {
        this.i++;
        otherwise = this.list();
      } else break;
    }
    this.expectWord('fi');
    return { t: 'if', clauses, otherwise, redirs: this.redirects() };
  }

  private loop(until: boolean): Node {
    this.i++;
    const cond = this.list();
    this.expectWord('do');
    const body = this.list();
    this.expectWord('done');
    return { t: 'loop', until, cond, body, redirs: this.redirects() };
  }

  private forClause(): Node {
    this.i++;
    const nameTok = this.peek();
    if (nameTok?.type !== 'word') throw new ShellSyntaxError('syntax error: bad for loop variable');
    this.i++;
    let items: Word[] | undefined;
    this.skipNewlines();
    if (this.isWord('in')) {
      this.i++;
      items = [];
      for (let t = this.peek(); t?.type === 'word'; t = this.peek()) {
        items.push(t.word);
        this.i++;
      }
    }
    if (this.isOp(';')) this.i++;
    this.expectWord('do');
    const body = this.list();
    this.expectWord('done');
    return { t: 'for', name: nameTok.raw, items, body, redirs: this.redirects() };
  }

  private caseClause(): Node {
    this.i++;
    const wordTok = this.peek();
    if (wordTok?.type !== 'word') throw new ShellSyntaxError('syntax error: unexpected newline');
    this.i++;
    this.expectWord('in');
    const arms: { patterns: Word[]; body: Node }[] = [];
    for (;;) {
      this.skipNewlines();
      if (this.isWord('esac')) break;
      if (this.isOp('(')) this.i++;
      const patterns: Word[] = [];
      for (;;) {
        const t = this.peek();
        if (t?.type !== 'word') throw new ShellSyntaxError(`syntax error: unexpected "${this.describe()}"`);
        patterns.push(t.word);
        this.i++;
        if (this.isOp('|')) this.i++;
        else break;
      }
      if (!this.isOp(')')) throw new ShellSyntaxError(`syntax error: unexpected "${this.describe()}" (expecting ")")`);
      this.i++;
      const body = this.list();
      arms.push({ patterns, body });
      if (this.isOp(';;')) this.i++;
    }
    this.expectWord('esac');
    return { t: 'case', word: wordTok.word, arms, redirs: this.redirects() };
  }
}

function isRedirectOp(op: string): boolean {
  return ['<', '>', '>>', '>&', '<&', '&>', '>|', '<<', '<<-'].includes(op);
}

function asAssignment(t: Extract<Token, { type: 'word' }>): { name: string; value: Word } | undefined {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(t.raw);
  const first = t.word[0];
  if (!m || !first || first.k !== 'lit' || first.q || !first.text.startsWith(m[0])) return undefined;
  const restText = first.text.slice(m[0].length);
  const value: WordPart[] = [...(restText ? [{ k: 'lit' as const, text: restText, q: false }] : []), ...t.word.slice(1)];
  return { name: m[1]!, value };
}
