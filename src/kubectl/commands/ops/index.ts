/**
 * The operational verbs: rollout, logs, exec, top, auth, wait, events, the node verbs,
 * port-forward, debug, and the verbs the tutor cannot offer (proxy, attach, cp).
 * Grouping commands (rollout, top, auth) come before their subcommands.
 */
import type { CommandModule } from '../../types.js';
import { exec } from './exec.js';
import { logs } from './logs.js';
import { ROLLOUT_COMMANDS } from './rollout/index.js';

export const COMMANDS: CommandModule[] = [...ROLLOUT_COMMANDS, logs, exec];
