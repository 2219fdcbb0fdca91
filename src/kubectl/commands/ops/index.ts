/**
 * The operational verbs: rollout, logs, exec, top, auth, wait, events, the node verbs,
 * port-forward, debug, and the verbs the tutor cannot offer (proxy, attach, cp).
 * Grouping commands (rollout, top, auth) come before their subcommands.
 */
import type { CommandModule } from '../../types.js';
import { AUTH_COMMANDS } from './auth.js';
import { debug } from './debug.js';
import { drain } from './drain.js';
import { eventsCommand } from './events.js';
import { exec } from './exec.js';
import { logs } from './logs.js';
import { cordon, taintCommand, uncordon } from './nodes.js';
import { portForward } from './port-forward.js';
import { ROLLOUT_COMMANDS } from './rollout/index.js';
import { TOP_COMMANDS } from './top.js';
import { attach, completion, cp, proxy } from './unavailable.js';
import { waitCommand } from './wait.js';

export type { MetricsEnv, MetricsSource } from './top.js';
export type { ShellEnv, ShellRequest } from './exec.js';
export { PortForwards, type PortForward, type PortForwardEnv } from './port-forward.js';

export const COMMANDS: CommandModule[] = [
  ...ROLLOUT_COMMANDS,
  logs,
  exec,
  attach,
  cp,
  portForward,
  proxy,
  ...TOP_COMMANDS,
  cordon,
  uncordon,
  drain,
  taintCommand,
  ...AUTH_COMMANDS,
  debug,
  eventsCommand,
  waitCommand,
  completion,
];
