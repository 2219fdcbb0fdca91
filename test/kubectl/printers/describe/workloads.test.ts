import { describe as suite, expect, it } from 'vitest';
import { describe } from '../../../../src/kubectl/printers/describe/index.js';
import { contextOf, event, runningPod, webDeployment } from './fixtures.js';

const lines = (...l: string[]): string => l.join('\n') + '\n';

suite('describe deployment', () => {
  it('prints the deployment block of reference §2', () => {
    const objects = webDeployment();
    const out = describe('deployments', objects[0]!, contextOf('2024-07-01T10:05:00Z', objects));
    expect(out).toBe(
      lines(
        'Name:                   web',
        'Namespace:              default',
        'CreationTimestamp:      Mon, 01 Jul 2024 10:00:00 +0000',
        'Labels:                 app=web',
        'Annotations:            deployment.kubernetes.io/revision: 1',
        'Selector:               app=web',
        'Replicas:               3 desired | 3 updated | 3 total | 3 available | 0 unavailable',
        'StrategyType:           RollingUpdate',
        'MinReadySeconds:        0',
        'RollingUpdateStrategy:  25% max unavailable, 25% max surge',
        'Pod Template:',
        '  Labels:  app=web',
        '  Containers:',
        '   nginx:',
        '    Image:         nginx:1.27',
        '    Port:          <none>',
        '    Host Port:     <none>',
        '    Environment:   <none>',
        '    Mounts:        <none>',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        'Conditions:',
        '  Type           Status  Reason',
        '  ----           ------  ------',
        '  Available      True    MinimumReplicasAvailable',
        '  Progressing    True    NewReplicaSetAvailable',
        'OldReplicaSets:  <none>',
        'NewReplicaSet:   web-7d4b9c8f6d (3/3 replicas created)',
        'Events:          <none>',
      ),
    );
  });

  it('lists old ReplicaSets after a rollout and the scaling events', () => {
    const [d, oldRS] = webDeployment();
    d!.spec.template.spec.containers[0].image = 'nginx:1.25';
    oldRS!.spec.replicas = 1;
    oldRS!.status.replicas = 1;
    const newRS = structuredClone(oldRS!);
    newRS.metadata = { ...newRS.metadata, name: 'web-5f6c8d9b7', uid: 'rs2', creationTimestamp: '2024-07-01T10:04:00Z' };
    newRS.spec.template.spec.containers[0].image = 'nginx:1.25';
    newRS.spec.replicas = 3;
    newRS.status.replicas = 3;
    const events = [
      event({ name: 'a', involved: { kind: 'Deployment', name: 'web', uid: 'deploy-uid' }, reason: 'ScalingReplicaSet', message: 'Scaled up replica set web-7d4b9c8f6d to 3', component: 'deployment-controller', first: '2024-07-01T10:00:00Z' }),
      event({ name: 'b', involved: { kind: 'Deployment', name: 'web', uid: 'deploy-uid' }, reason: 'ScalingReplicaSet', message: 'Scaled down replica set web-7d4b9c8f6d to 1 from 2', component: 'deployment-controller', first: '2024-07-01T10:04:30Z' }),
      // Another object's event never shows.
      event({ name: 'c', involved: { kind: 'ReplicaSet', name: 'web', uid: 'other' }, reason: 'SuccessfulCreate', message: 'Created pod: x', component: 'replicaset-controller', first: '2024-07-01T10:04:30Z' }),
    ];
    const out = describe('deployments', d!, contextOf('2024-07-01T10:05:00Z', [d!, oldRS!, newRS, ...events]));
    expect(out).toContain(lines('OldReplicaSets:  web-7d4b9c8f6d (1/1 replicas created)', 'NewReplicaSet:   web-5f6c8d9b7 (3/3 replicas created)', 'Events:'));
    expect(out.endsWith(
      lines(
        '  Type    Reason             Age   From                   Message',
        '  ----    ------             ----  ----                   -------',
        '  Normal  ScalingReplicaSet  5m    deployment-controller  Scaled up replica set web-7d4b9c8f6d to 3',
        '  Normal  ScalingReplicaSet  30s   deployment-controller  Scaled down replica set web-7d4b9c8f6d to 1 from 2',
      ),
    )).toBe(true);
  });
});

suite('describe replicaset', () => {
  it('counts its pods by phase and names its controller', () => {
    const [, rs] = webDeployment();
    const pending = runningPod();
    pending.metadata.name = 'web-7d4b9c8f6d-q7m2z';
    pending.status.phase = 'Pending';
    const out = describe('replicasets', rs!, contextOf('2024-07-01T10:05:00Z', [rs!, runningPod(), pending]));
    expect(out).toContain(
      lines(
        'Name:           web-7d4b9c8f6d',
        'Namespace:      default',
        'Selector:       app=web,pod-template-hash=7d4b9c8f6d',
        'Labels:         app=web',
        '                pod-template-hash=7d4b9c8f6d',
        'Annotations:    <none>',
        'Controlled By:  Deployment/web',
        'Replicas:       3 current / 3 desired',
        'Pods Status:    1 Running / 1 Waiting / 0 Succeeded / 0 Failed',
        'Pod Template:',
      ),
    );
  });
});
