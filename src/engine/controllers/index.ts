/** The controllers a default cluster runs, in the order they start. */
import type { Controller } from './types.js';
import { createDeploymentController } from './deployment/index.js';
import { createReplicaSetController } from './replicaset.js';
import { createScheduler } from '../scheduler/index.js';

export function defaultControllers(): Controller[] {
  return [createDeploymentController(), createReplicaSetController(), createScheduler()];
}
