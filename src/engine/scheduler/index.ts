/**
 * The embedded kube-scheduler: `createScheduler()` is the `default-scheduler` controller
 * the cluster registers; the rest is exported for tests and for describe-style tooling.
 */
import type { Controller } from '../controllers/types.js';
import { defaultProfile } from './registry.js';
import { Scheduler } from './scheduler.js';

/** The default-scheduler controller with the default profile. */
export function createScheduler(): Controller {
  return new Scheduler(defaultProfile());
}

export { Scheduler, isPendingForUs } from './scheduler.js';
export { defaultProfile, FILTER_PLUGINS, PRE_FILTER_PLUGINS, SCORE_PLUGINS, type Profile } from './registry.js';
export { schedulePod, type Decision, type Diagnosis } from './framework.js';
export { fitErrorMessage, reasonHistogram } from './fit-error.js';
export { ANN_SELECTED_NODE } from './volume-binder.js';
