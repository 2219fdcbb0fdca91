/**
 * Shell arithmetic `$(( … ))`: integers, the C operators a script uses in counters and
 * tests, variables by bare name, and assignments (`i=i+1`, `i+=1`, `i++`).
 */

/** Reads and writes shell variables. */
export interface ArithVars {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

const TOKEN = /\s*(?:(\d+)|([A-Za-z_][A-Za-z0-9_]*)|(\+\+|--|\*\*|<<|>>|<=|>=|==|!=|&&|\|\||[+\-*/%]=|[-+*/%()<>!=?:~&|^]))/y;

/** Evaluates an arithmetic expression; throws Error with the shell's message on bad syntax. */
export function evaluateArithmetic(src: string, vars: ArithVars): number {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (TOKEN.lastIndex < src.length && (m = TOKEN.exec(src))) tokens.push(m[1] ?? m[2] ?? m[3]!);
  if (src.slice(TOKEN.lastIndex).trim() !== '') throw new Error(`arithmetic syntax error`);
  let i = 0;
  const peek = (): string | undefined => tokens[i];
  const take = (): string | undefined => tokens[i++];
  const isName = (t: string | undefined): t is string => t !== undefined && /^[A-Za-z_]/.test(t);
  const value = (name: string): number => {
    const v = vars.get(name);
    if (v === undefined || v === '') return 0;
    const n = Number.parseInt(v, 10);
    return Number.isNaN(n) ? 0 : n;
  };
  const toInt = (n: number): number => Math.trunc(n);

  // Precedence levels, loosest first (C and POSIX shell order).
  const LEVELS: readonly (readonly string[])[] = [
    ['||'], ['&&'], ['|'], ['^'], ['&'], ['==', '!='], ['<', '<=', '>', '>='], ['<<', '>>'], ['+', '-'], ['*', '/', '%'],
  ];
  const apply = (op: string, a: number, b: number): number => {
    switch (op) {
      case '||': return a || b ? 1 : 0;
      case '&&': return a && b ? 1 : 0;
      case '|': return a | b;
      case '^': return a ^ b;
      case '&': return a & b;
      case '==': return a === b ? 1 : 0;
      case '!=': return a !== b ? 1 : 0;
      case '<': return a < b ? 1 : 0;
      case '<=': return a <= b ? 1 : 0;
      case '>': return a > b ? 1 : 0;
      case '>=': return a >= b ? 1 : 0;
      case '<<': return a << b;
      case '>>': return a >> b;
      case '+': return a + b;
      case '-': return a - b;
      case '*': return a * b;
      case '/': if (b === 0) throw new Error('divide by zero'); return toInt(a / b);
      case '%': if (b === 0) throw new Error('divide by zero'); return a % b;
      case '**': return a ** b;
      default: throw new Error('arithmetic syntax error');
    }
  };

  const assignment = (): number => {
    const t = peek();
    const op = tokens[i + 1];
    if (isName(t) && op !== undefined && ['=', '+=', '-=', '*=', '/=', '%='].includes(op)) {
      i += 2;
      const rhs = assignment();
      const result = op === '=' ? rhs : apply(op[0]!, value(t), rhs);
      vars.set(t, String(result));
      return result;
    }
    return ternary();
  };
  const ternary = (): number => {
    const cond = binary(0);
    if (peek() !== '?') return cond;
    take();
    const a = assignment();
    if (take() !== ':') throw new Error('arithmetic syntax error');
    const b = assignment();
    return cond ? a : b;
  };
  const binary = (level: number): number => {
    if (level >= LEVELS.length) return power();
    let left = binary(level + 1);
    while (LEVELS[level]!.includes(peek() ?? '')) {
      const op = take()!;
      left = apply(op, left, binary(level + 1));
    }
    return left;
  };
  const power = (): number => {
    const base = unary();
    if (peek() === '**') {
      take();
      return apply('**', base, power());
    }
    return base;
  };
  const unary = (): number => {
    const t = peek();
    if (t === '-') { take(); return -unary(); }
    if (t === '+') { take(); return unary(); }
    if (t === '!') { take(); return unary() ? 0 : 1; }
    if (t === '~') { take(); return ~unary(); }
    if ((t === '++' || t === '--') && isName(tokens[i + 1])) {
      take();
      const name = take()!;
      const v = value(name) + (t === '++' ? 1 : -1);
      vars.set(name, String(v));
      return v;
    }
    return primary();
  };
  const primary = (): number => {
    const t = take();
    if (t === undefined) throw new Error('arithmetic syntax error');
    if (t === '(') {
      const v = assignment();
      if (take() !== ')') throw new Error('arithmetic syntax error');
      return v;
    }
    if (/^\d/.test(t)) return Number.parseInt(t, 10);
    if (isName(t)) {
      const v = value(t);
      if (peek() === '++' || peek() === '--') {
        vars.set(t, String(v + (take() === '++' ? 1 : -1)));
      }
      return v;
    }
    throw new Error('arithmetic syntax error');
  };

  if (tokens.length === 0) return 0;
  const result = assignment();
  if (i < tokens.length) throw new Error('arithmetic syntax error');
  return result;
}
