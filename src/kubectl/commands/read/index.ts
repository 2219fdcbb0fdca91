/** The read verbs. */
import type { CommandModule } from '../../types.js';

export const COMMANDS: CommandModule[] = [];
