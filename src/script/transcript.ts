/**
 * The transcript of a script run (DESIGN.md "Script format"): each command after `$ `
 * as written, then what it printed — stdout and stderr in the order written. A failed
 * command leaves no extra text, as in a terminal.
 */
import type { OutputChunk } from '../kubectl/types.js';

/** One command of a transcript. */
export interface TranscriptEntry {
  /** The command as written in the script (continuation lines kept). */
  readonly command: string;
  readonly output: readonly OutputChunk[];
}

/** The transcript text. Output that does not end in a newline is ended, so the next `$` starts a line. */
export function formatTranscript(entries: readonly TranscriptEntry[]): string {
  let text = '';
  for (const e of entries) {
    text += `$ ${e.command}\n`;
    const printed = e.output.map((c) => c.text).join('');
    text += printed === '' || printed.endsWith('\n') ? printed : `${printed}\n`;
  }
  return text;
}
