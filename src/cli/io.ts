/** What the kubetutor command needs from the process: output streams, files, stdin. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** A file's text, or undefined when it cannot be read. */
  readFile(path: string): string | undefined;
  /** All of standard input. */
  readStdin(): string;
}
