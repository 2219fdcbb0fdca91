/**
 * One place that decides how states look: colours for pod statuses, node states and event
 * types. Colour is never the only signal — every state is also a word.
 */

export type Colour = 'green' | 'yellow' | 'red' | 'cyan' | 'gray' | 'magenta' | 'blue' | 'white' | undefined;

/** Whether colours are off (NO_COLOR, --no-color). */
let colourless = false;

export function setColourless(off: boolean): void {
  colourless = off;
}

export function isColourless(): boolean {
  return colourless;
}

function c(colour: Colour): Colour {
  return colourless ? undefined : colour;
}

const BAD = /Err|BackOff|Error|OOMKilled|Failed|Invalid|Unknown|Evicted|ContainerCannotRun|StartError/;

/** The colour of a pod STATUS column value. */
export function podStatusColour(status: string): Colour {
  if (status === 'Running') return c('green');
  if (status === 'Completed' || status === 'Succeeded') return c('gray');
  if (BAD.test(status)) return c('red');
  if (status === 'Terminating') return c('magenta');
  return c('yellow');
}

/** The colour of a node STATUS. */
export function nodeStatusColour(status: string): Colour {
  if (status === 'Ready') return c('green');
  if (status.startsWith('Ready,')) return c('yellow');
  return c('red');
}

/** The colour of an event type. */
export function eventTypeColour(type: string): Colour {
  return type === 'Warning' ? c('yellow') : c('gray');
}

/** Check results: passed and pending. */
export function checkColour(ok: boolean): Colour {
  return ok ? c('green') : c('red');
}

/** Titles, borders and the prompt. */
export const accent = (): Colour => c('cyan');
export const muted = (): Colour => c('gray');
