/**
 * Terminal focus reporting (xterm's mode 1004): once `CSI ?1004h` is written the terminal
 * sends `ESC [ I` when its window gains focus and `ESC [ O` when it loses it. The tutor
 * pauses the cluster's clock while it is in the background. The reports are taken out of
 * the input before Ink parses it, so no screen ever sees them as typed text (Ink would
 * hand `[I` to the prompt), and the mode is switched off again on every way out: unmount,
 * process exit (a crash included) and while another program (the editor, the shell after
 * Ctrl-Z) has the terminal.
 */

export const ENABLE_FOCUS_REPORTING = '\u001B[?1004h';
export const DISABLE_FOCUS_REPORTING = '\u001B[?1004l';
export const FOCUS_IN = '\u001B[I';
export const FOCUS_OUT = '\u001B[O';

/** A focus change reported by the terminal. */
export type FocusEvent = 'in' | 'out';

const REPORT = /\u001B\[([IO])/g;

/** Input without its focus reports, and the reports in the order they came. */
export function stripFocusReports(chunk: string): { readonly text: string; readonly events: readonly FocusEvent[] } {
  if (!chunk.includes('\u001B[')) return { text: chunk, events: [] };
  const events: FocusEvent[] = [];
  const text = chunk.replace(REPORT, (_, c: string) => {
    events.push(c === 'I' ? 'in' : 'out');
    return '';
  });
  return { text, events };
}

/** The part of a stdin stream the filter needs: Ink reads it with `read()` on 'readable'. */
export interface ReadableInput {
  read(size?: number): unknown;
}

/**
 * Takes focus reports out of everything read from `stdin` and passes them to `onFocus`.
 * Returns the function that puts the stream back as it was.
 */
export function filterFocusReports(stdin: ReadableInput, onFocus: (event: FocusEvent) => void): () => void {
  const own = Object.prototype.hasOwnProperty.call(stdin, 'read');
  const original = stdin.read;
  const read = function (this: ReadableInput, size?: number): unknown {
    const chunk = original.call(this, size);
    if (typeof chunk !== 'string' && !Buffer.isBuffer(chunk)) return chunk;
    const { text, events } = stripFocusReports(String(chunk));
    for (const e of events) onFocus(e);
    return text;
  };
  stdin.read = read;
  return () => {
    if (stdin.read !== read) return; // someone wrapped it after us; leave theirs in place
    if (own) stdin.read = original;
    else delete (stdin as { read?: unknown }).read;
  };
}

/** Where mode switches go: the real terminal only (tests and benchmarks draw into fakes). */
export interface ModeOutput {
  write(data: string): unknown;
}

/**
 * Focus reporting on a terminal, switched on by `enable()` and off by `disable()` (both
 * idempotent). While it is on, a process 'exit' listener switches it off too, so a crash
 * does not leave the shell receiving `^[[I` on every window switch. `suspend()`/`resume()`
 * switch it off and back on around handing the terminal to another program.
 */
export class FocusReporting {
  private on = false;
  private suspended = false;
  private readonly atExit = () => this.out.write(DISABLE_FOCUS_REPORTING);

  constructor(private readonly out: ModeOutput) {}

  enable(): void {
    if (this.on) return;
    this.on = true;
    process.on('exit', this.atExit);
    if (!this.suspended) this.out.write(ENABLE_FOCUS_REPORTING);
  }

  disable(): void {
    if (!this.on) return;
    this.on = false;
    process.off('exit', this.atExit);
    if (!this.suspended) this.out.write(DISABLE_FOCUS_REPORTING);
  }

  /** Another program is about to take the terminal. */
  suspend(): void {
    if (this.suspended) return;
    this.suspended = true;
    if (this.on) this.out.write(DISABLE_FOCUS_REPORTING);
  }

  /** The terminal is back. */
  resume(): void {
    if (!this.suspended) return;
    this.suspended = false;
    if (this.on) this.out.write(ENABLE_FOCUS_REPORTING);
  }

  get enabled(): boolean {
    return this.on && !this.suspended;
  }
}

/** The process terminal's focus reporting (one terminal per process). */
export const processFocusReporting = new FocusReporting({ write: (d) => process.stdout.write(d) });
