/** The write verbs: create, apply, run, expose, delete, edit, patch, replace, label, annotate, diff, set, scale, autoscale. */
import type { CommandModule } from '../../types.js';
import { CREATE_COMMANDS } from './create.js';

export const COMMANDS: CommandModule[] = [...CREATE_COMMANDS];
