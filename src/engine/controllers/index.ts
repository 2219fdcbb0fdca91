/** The controllers a default cluster runs, in the order kube-controller-manager starts them. */
import type { Controller } from './types.js';
import { createDeploymentController } from './deployment/index.js';
import { createReplicaSetController } from './replicaset.js';
import { createStatefulSetController } from './statefulset/index.js';
import { createDaemonSetController } from './daemonset/index.js';
import { createEndpointsController } from './endpoints/index.js';
import { createEndpointSliceController } from './endpointslice/index.js';
import { createNamespaceController } from './namespace/index.js';
import { createServiceAccountController } from './serviceaccount.js';
import { createRootCACertPublisherController } from './root-ca.js';
import { createGarbageCollectorController } from './garbage-collector/index.js';
import { createJobController } from './job/index.js';
import { createTTLAfterFinishedController } from './job/ttl.js';
import { createCronJobController } from './cronjob/index.js';
import { createHorizontalPodAutoscalerController } from './hpa/index.js';
import { createEndpointSliceMirroringController } from './endpointslice/mirroring.js';
import { createPersistentVolumeController, createVolumeProvisionerController } from './persistentvolume/index.js';
import { createPVCProtectionController, createPVProtectionController } from './pvc-protection.js';
import { createNodeLifecycleController, createTaintEvictionController } from './node-lifecycle/index.js';
import { createResourceQuotaController } from './resourcequota.js';
import { createDisruptionController } from './disruption/index.js';
import { createScheduler } from '../scheduler/index.js';

export function defaultControllers(): Controller[] {
  return [
    createServiceAccountController(),
    createRootCACertPublisherController(),
    createNamespaceController(),
    createGarbageCollectorController(),
    createDeploymentController(),
    createReplicaSetController(),
    createStatefulSetController(),
    createDaemonSetController(),
    createJobController(),
    createTTLAfterFinishedController(),
    createCronJobController(),
    createHorizontalPodAutoscalerController(),
    createEndpointsController(),
    createEndpointSliceController(),
    createEndpointSliceMirroringController(),
    createPersistentVolumeController(),
    createVolumeProvisionerController(),
    createPVCProtectionController(),
    createPVProtectionController(),
    createNodeLifecycleController(),
    createTaintEvictionController(),
    createResourceQuotaController(),
    createDisruptionController(),
    createScheduler(),
  ];
}
