/**
 * `test` / `[ … ]`: file tests, string tests and integer comparisons, with `!`, `-a`,
 * `-o` and parentheses, as POSIX defines them by argument count.
 */
import type { ContainerFs } from '../types.js';

/** Evaluates test arguments: true/false, or an error message (`integer expression expected`). */
export function evaluateTest(args: readonly string[], fs: ContainerFs, resolve: (path: string) => string): boolean | string {
  let i = 0;
  const peek = (): string | undefined => args[i];

  const unaryFile = (op: string, path: string): boolean => {
    const p = resolve(path);
    const kind = fs.stat(p);
    switch (op) {
      case '-e': case '-r': case '-w': case '-x': return kind !== undefined;
      case '-f': return kind === 'file';
      case '-d': return kind === 'dir';
      case '-s': return kind === 'dir' || (kind === 'file' && (fs.read(p) ?? '') !== '');
      case '-L': case '-h': case '-p': case '-S': case '-b': case '-c': return false;
      default: return false;
    }
  };
  const integer = (text: string): number | string => {
    if (!/^\s*-?\d+\s*$/.test(text)) return `${text}: integer expression expected`;
    return Number.parseInt(text, 10);
  };

  const primary = (): boolean | string => {
    const a = args[i];
    if (a === undefined) return false;
    if (a === '!') {
      i++;
      const r = primary();
      return typeof r === 'string' ? r : !r;
    }
    if (a === '(') {
      i++;
      const r = or();
      if (args[i] !== ')') return 'missing )';
      i++;
      return r;
    }
    const op = args[i + 1];
    if (op !== undefined && ['=', '==', '!=', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '<', '>'].includes(op) && args[i + 2] !== undefined) {
      const b = args[i + 2]!;
      i += 3;
      switch (op) {
        case '=': case '==': return a === b;
        case '!=': return a !== b;
        case '<': return a < b;
        case '>': return a > b;
      }
      const x = integer(a);
      const y = integer(b);
      if (typeof x === 'string') return x;
      if (typeof y === 'string') return y;
      switch (op) {
        case '-eq': return x === y;
        case '-ne': return x !== y;
        case '-lt': return x < y;
        case '-le': return x <= y;
        case '-gt': return x > y;
        default: return x >= y;
      }
    }
    if (/^-[a-zA-Z]$/.test(a) && op !== undefined) {
      i += 2;
      if (a === '-z') return op === '';
      if (a === '-n') return op !== '';
      return unaryFile(a, op);
    }
    i++;
    return a !== '';
  };
  const and = (): boolean | string => {
    let left = primary();
    while (peek() === '-a' || peek() === '&&') {
      i++;
      const right = primary();
      if (typeof left === 'string') return left;
      if (typeof right === 'string') return right;
      left = left && right;
    }
    return left;
  };
  const or = (): boolean | string => {
    let left = and();
    while (peek() === '-o' || peek() === '||') {
      i++;
      const right = and();
      if (typeof left === 'string') return left;
      if (typeof right === 'string') return right;
      left = left || right;
    }
    return left;
  };
  if (args.length === 0) return false;
  const result = or();
  if (typeof result === 'string') return result;
  if (i < args.length) return `${args[i]}: unknown operand`;
  return result;
}
