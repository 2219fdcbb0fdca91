/** `kubectl rollout` and its subcommands. */
import type { CommandModule } from '../../../types.js';
import { groupCommand } from '../parents.js';
import { ROLLOUT_SPEC } from '../specs/rollout.js';
import { rolloutHistory } from './history.js';
import { rolloutPause, rolloutRestart, rolloutResume } from './mutators.js';
import { rolloutStatus } from './status.js';
import { rolloutUndo } from './undo.js';

// Cobra lists subcommands sorted by name in `kubectl rollout --help`.
const CHILDREN = [rolloutHistory, rolloutPause, rolloutRestart, rolloutResume, rolloutStatus, rolloutUndo];

/** The rollout command group, parent first. */
export const ROLLOUT_COMMANDS: CommandModule[] = [groupCommand(ROLLOUT_SPEC, CHILDREN, 'stdout'), ...CHILDREN];
