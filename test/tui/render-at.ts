/**
 * ink-testing-library's render with a terminal of a chosen size: its fake stdout is 100
 * columns, and Ink clips anything wider, so wide layouts need their own. `resize` changes
 * the size and emits 'resize' like a real terminal.
 */
import { EventEmitter } from 'node:events';
import { render as inkRender, type Instance } from 'ink';
import type { ReactElement } from 'react';

class Stdout extends EventEmitter {
  frames: string[] = [];
  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
  }
  isTTY = true;
  write = (frame: string) => {
    this.frames.push(frame);
    return true;
  };
  lastFrame = () => this.frames[this.frames.length - 1];
}

class Stdin extends EventEmitter {
  isTTY = true;
  data: string | null = null;
  write = (data: string) => {
    this.data = data;
    this.emit('readable');
    this.emit('data', data);
  };
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
  read = () => {
    const { data } = this;
    this.data = null;
    return data;
  };
}

const instances: Instance[] = [];

/** Renders a tree on a fake terminal of `columns` x `rows`. */
export function renderAt(tree: ReactElement, size: { columns: number; rows: number }) {
  const stdout = new Stdout(size.columns, size.rows);
  const stdin = new Stdin();
  const instance = inkRender(tree, { stdout: stdout as never, stderr: new Stdout(size.columns, size.rows) as never, stdin: stdin as never, debug: true, exitOnCtrlC: false, patchConsole: false });
  instances.push(instance);
  // Asked for at once: Ink only resolves a waitUntilExit that was asked for before the exit.
  const exited = instance.waitUntilExit();
  return {
    stdin,
    stdout,
    lastFrame: stdout.lastFrame,
    unmount: () => instance.unmount(),
    waitUntilExit: () => exited,
    resize(columns: number, rows: number) {
      stdout.columns = columns;
      stdout.rows = rows;
      stdout.emit('resize');
    },
  };
}

/** Unmounts everything rendered (afterEach). */
export function cleanupAll(): void {
  for (const i of instances.splice(0)) {
    i.unmount();
    i.cleanup();
  }
}
