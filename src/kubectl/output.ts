/**
 * Output as a verb writes it: chunks on stdout and stderr kept in write order, so a
 * transcript shows them interleaved the way a terminal would.
 */
import type { Output, OutputChunk } from './types.js';

/** An Output that records chunks; adjacent writes to one stream merge into one chunk. */
export class OutputCollector implements Output {
  private readonly chunks: OutputChunk[] = [];

  out(text: string): void {
    this.write('stdout', text);
  }

  err(text: string): void {
    this.write('stderr', text);
  }

  /** The chunks written so far, in order. */
  get output(): readonly OutputChunk[] {
    return this.chunks;
  }

  private write(stream: OutputChunk['stream'], text: string): void {
    if (text === '') return;
    const last = this.chunks[this.chunks.length - 1];
    if (last && last.stream === stream) this.chunks[this.chunks.length - 1] = { stream, text: last.text + text };
    else this.chunks.push({ stream, text });
  }
}

/** All chunks joined: what a terminal shows for both streams. */
export function outputText(output: readonly OutputChunk[]): string {
  return output.map((c) => c.text).join('');
}

/** Only one stream's text. */
export function streamText(output: readonly OutputChunk[], stream: OutputChunk['stream']): string {
  return output
    .filter((c) => c.stream === stream)
    .map((c) => c.text)
    .join('');
}
