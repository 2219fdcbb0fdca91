/**
 * A line diff in the unified format GNU `diff -u` prints (what `kubectl diff` shows):
 * `---`/`+++` headers, `@@ -a,b +c,d @@` hunks with three lines of context, and deletions
 * before insertions inside a change.
 */

/** One side of a diff: the header label (path and time, tab-separated) and the file text. */
export interface DiffSide {
  readonly label: string;
  /** The file's text; empty for a missing file (`diff -N`). */
  readonly text: string;
}

type Op = { readonly kind: ' ' | '-' | '+'; readonly line: string };

const lines = (text: string): string[] => (text === '' ? [] : text.replace(/\n$/, '').split('\n'));

/** The edit script from a to b through a longest common subsequence (deletions first). */
function editScript(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  // lcs[i][j]: the LCS length of a[i..] and b[j..], flattened.
  const lcs = new Uint32Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => i * (m + 1) + j;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[at(i, j)] = a[i] === b[j] ? lcs[at(i + 1, j + 1)]! + 1 : Math.max(lcs[at(i + 1, j)]!, lcs[at(i, j + 1)]!);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      ops.push({ kind: ' ', line: a[i]! });
      i++;
      j++;
    } else if (j >= m || (i < n && lcs[at(i + 1, j)]! >= lcs[at(i, j + 1)]!)) {
      ops.push({ kind: '-', line: a[i++]! });
    } else {
      ops.push({ kind: '+', line: b[j++]! });
    }
  }
  return ops;
}

/** GNU's range: `start,count`, just `start` for one line, and the line before for none. */
function range(start: number, count: number): string {
  if (count === 0) return `${start - 1},0`;
  return count === 1 ? `${start}` : `${start},${count}`;
}

/**
 * The unified diff of two texts, or '' when they are equal. Changes closer than twice
 * the context share one hunk, as in GNU diff.
 */
export function unifiedDiff(from: DiffSide, to: DiffSide, context = 3): string {
  const ops = editScript(lines(from.text), lines(to.text));
  const changed = ops.map((o, k) => (o.kind === ' ' ? -1 : k)).filter((k) => k >= 0);
  if (changed.length === 0) return '';
  // Group change positions into hunks: [first op index, last op index].
  // Unchanged lines between two changes decide whether they share a hunk.
  const same: number[] = [0];
  for (const o of ops) same.push(same[same.length - 1]! + (o.kind === ' ' ? 1 : 0));
  const groups: [number, number][] = [];
  for (const k of changed) {
    const last = groups[groups.length - 1];
    if (last && same[k]! - same[last[1] + 1]! <= 2 * context) last[1] = k;
    else groups.push([k, k]);
  }
  let out = `--- ${from.label}\n+++ ${to.label}\n`;
  for (const [first, last] of groups) {
    const begin = Math.max(0, first - context);
    const end = Math.min(ops.length - 1, last + context);
    // Line numbers where the hunk starts on each side.
    let aLine = 1;
    let bLine = 1;
    for (let k = 0; k < begin; k++) {
      if (ops[k]!.kind !== '+') aLine++;
      if (ops[k]!.kind !== '-') bLine++;
    }
    const body = ops.slice(begin, end + 1);
    const aCount = body.filter((o) => o.kind !== '+').length;
    const bCount = body.filter((o) => o.kind !== '-').length;
    out += `@@ -${range(aLine, aCount)} +${range(bLine, bCount)} @@\n`;
    out += body.map((o) => `${o.kind}${o.line}\n`).join('');
  }
  return out;
}
