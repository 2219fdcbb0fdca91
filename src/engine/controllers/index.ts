/** The controllers a default cluster runs, in the order they start. */
import type { Controller } from './types.js';

export function defaultControllers(): Controller[] {
  return [];
}
