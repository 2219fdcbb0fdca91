/**
 * The write verbs: create, apply, delete, label, annotate, scale, patch, set, run, expose,
 * edit, diff, replace, autoscale.
 */
import type { CommandModule } from '../../types.js';
import { APPLY_COMMANDS } from './apply.js';
import { AUTOSCALE_COMMANDS } from './autoscale.js';
import { CREATE_COMMANDS } from './create.js';
import { DELETE_COMMANDS } from './delete.js';
import { DIFF_COMMANDS } from './diff.js';
import { EDIT_COMMANDS } from './edit.js';
import { EXPOSE_COMMANDS } from './expose.js';
import { METADATA_COMMANDS } from './metadata.js';
import { PATCH_COMMANDS } from './patch.js';
import { REPLACE_COMMANDS } from './replace.js';
import { RUN_COMMANDS } from './run.js';
import { SCALE_COMMANDS } from './scale.js';
import { SET_MORE_COMMANDS } from './set-more.js';
import { SET_ENV_COMMAND } from './set-env.js';
import { SET_COMMANDS } from './set.js';

export const COMMANDS: CommandModule[] = [
  ...CREATE_COMMANDS,
  ...APPLY_COMMANDS,
  ...DELETE_COMMANDS,
  ...METADATA_COMMANDS,
  ...SCALE_COMMANDS,
  ...PATCH_COMMANDS,
  ...SET_COMMANDS,
  SET_ENV_COMMAND,
  ...SET_MORE_COMMANDS,
  ...RUN_COMMANDS,
  ...EXPOSE_COMMANDS,
  ...EDIT_COMMANDS,
  ...DIFF_COMMANDS,
  ...REPLACE_COMMANDS,
  ...AUTOSCALE_COMMANDS,
];
