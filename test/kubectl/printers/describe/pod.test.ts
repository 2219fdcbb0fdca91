import { describe as suite, expect, it } from 'vitest';
import { describe } from '../../../../src/kubectl/printers/describe/index.js';
import { CONTAINER_ID, contextOf, event, IMAGE_ID, POD_UID, runningPod } from './fixtures.js';

const lines = (...l: string[]): string => l.join('\n') + '\n';

suite('describe pod', () => {
  it('prints the running pod block of reference §2', () => {
    const out = describe('pods', runningPod(), contextOf('2024-07-01T10:05:00Z', [runningPod()]));
    expect(out).toBe(
      lines(
        'Name:             web-7d4b9c8f6d-x2x9k',
        'Namespace:        default',
        'Priority:         0',
        'Service Account:  default',
        'Node:             node01/172.18.0.3',
        'Start Time:       Mon, 01 Jul 2024 10:00:00 +0000',
        'Labels:           app=web',
        '                  pod-template-hash=7d4b9c8f6d',
        'Annotations:      <none>',
        'Status:           Running',
        'IP:               10.244.1.5',
        'IPs:',
        '  IP:           10.244.1.5',
        'Controlled By:  ReplicaSet/web-7d4b9c8f6d',
        'Containers:',
        '  web:',
        `    Container ID:   ${CONTAINER_ID}`,
        '    Image:          nginx:1.27',
        `    Image ID:       ${IMAGE_ID}`,
        '    Port:           80/TCP',
        '    Host Port:      0/TCP',
        '    State:          Running',
        '      Started:      Mon, 01 Jul 2024 10:00:05 +0000',
        '    Ready:          True',
        '    Restart Count:  0',
        '    Environment:    <none>',
        '    Mounts:',
        '      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-7xk2p (ro)',
        'Conditions:',
        '  Type                        Status',
        // Rows are written "%v \t%v \n", so they keep a trailing space.
        '  PodReadyToStartContainers   True ',
        '  Initialized                 True ',
        '  Ready                       True ',
        '  ContainersReady             True ',
        '  PodScheduled                True ',
        'Volumes:',
        '  kube-api-access-7xk2p:',
        '    Type:                    Projected (a volume that contains injected data from multiple sources)',
        '    TokenExpirationSeconds:  3607',
        '    ConfigMapName:           kube-root-ca.crt',
        '    ConfigMapOptional:       <nil>',
        '    DownwardAPI:             true',
        'QoS Class:                   BestEffort',
        'Node-Selectors:              <none>',
        'Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s',
        '                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s',
        'Events:                      <none>',
      ),
    );
  });

  it('shows a crash-looping container as Waiting with its Last State and the back-off events', () => {
    const pod = runningPod();
    pod.status.phase = 'Running';
    pod.status.containerStatuses[0] = {
      ...pod.status.containerStatuses[0],
      state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 40s restarting failed container=web' } },
      lastState: { terminated: { exitCode: 1, reason: 'Error', startedAt: '2024-07-01T10:01:40Z', finishedAt: '2024-07-01T10:01:41Z', containerID: CONTAINER_ID } },
      ready: false,
      restartCount: 4,
    };
    const events = [
      event({ name: 'e1', involved: { kind: 'Pod', name: pod.metadata.name!, uid: POD_UID }, reason: 'Scheduled', message: 'Successfully assigned default/web-7d4b9c8f6d-x2x9k to node01', component: 'default-scheduler', first: '2024-07-01T10:00:00Z' }),
      event({ name: 'e2', involved: { kind: 'Pod', name: pod.metadata.name!, uid: POD_UID }, type: 'Warning', reason: 'BackOff', message: 'Back-off restarting failed container web in pod web-7d4b9c8f6d-x2x9k_default(5f2d3c1a-9b7e-4c8d-a1f2-3e4d5c6b7a81)', component: 'kubelet', first: '2024-07-01T10:00:58Z', last: '2024-07-01T10:01:52Z', count: 4 }),
    ];
    const out = describe('pods', pod, contextOf('2024-07-01T10:02:00Z', [pod, ...events]));
    expect(out).toContain(
      lines(
        '    State:          Waiting',
        '      Reason:       CrashLoopBackOff',
        '    Last State:     Terminated',
        '      Reason:       Error',
        '      Exit Code:    1',
        '      Started:      Mon, 01 Jul 2024 10:01:40 +0000',
        '      Finished:     Mon, 01 Jul 2024 10:01:41 +0000',
        '    Ready:          False',
        '    Restart Count:  4',
      ),
    );
    expect(out).not.toContain('back-off 40s');
    expect(out.endsWith(
      lines(
        'Events:',
        '  Type     Reason     Age               From               Message',
        '  ----     ------     ----              ----               -------',
        '  Normal   Scheduled  2m                default-scheduler  Successfully assigned default/web-7d4b9c8f6d-x2x9k to node01',
        '  Warning  BackOff    8s (x4 over 62s)  kubelet            Back-off restarting failed container web in pod web-7d4b9c8f6d-x2x9k_default(5f2d3c1a-9b7e-4c8d-a1f2-3e4d5c6b7a81)',
      ),
    )).toBe(true);
  });

  it('prints an unscheduled pod without node, IPs, container state, and only PodScheduled', () => {
    const pod = runningPod();
    delete pod.spec.nodeName;
    pod.status = {
      phase: 'Pending',
      conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable' }],
      qosClass: 'BestEffort',
    };
    const failed = event({
      name: 'e1',
      involved: { kind: 'Pod', name: pod.metadata.name!, uid: POD_UID },
      type: 'Warning',
      reason: 'FailedScheduling',
      message: '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.',
      component: 'default-scheduler',
      first: '2024-07-01T10:00:00Z',
    });
    const out = describe('pods', pod, contextOf('2024-07-01T10:00:30Z', [pod, failed]));
    expect(out.split('\n').slice(0, 16).join('\n') + '\n').toBe(
      lines(
        'Name:             web-7d4b9c8f6d-x2x9k',
        'Namespace:        default',
        'Priority:         0',
        'Service Account:  default',
        'Node:             <none>',
        'Labels:           app=web',
        '                  pod-template-hash=7d4b9c8f6d',
        'Annotations:      <none>',
        'Status:           Pending',
        // The empty IP cell is still padded: real kubectl leaves trailing spaces here.
        'IP:               ',
        'IPs:              <none>',
        'Controlled By:    ReplicaSet/web-7d4b9c8f6d',
        'Containers:',
        '  web:',
        '    Image:        nginx:1.27',
        '    Port:         80/TCP',
      ),
    );
    expect(out).not.toMatch(/Container ID|State:|Ready:|Restart Count/);
    expect(out).toContain(lines('Conditions:', '  Type           Status', '  PodScheduled   False '));
    expect(out).toContain('  Warning  FailedScheduling  30s   default-scheduler  0/3 nodes are available: 3 Insufficient cpu.');
  });

  it('shows a terminating pod with its grace period', () => {
    const pod = runningPod();
    pod.metadata.deletionTimestamp = '2024-07-01T10:05:25Z';
    pod.metadata.deletionGracePeriodSeconds = 30;
    const out = describe('pods', pod, contextOf('2024-07-01T10:05:30Z', [pod]));
    expect(out).toContain('Status:                    Terminating (lasts 5s)\nTermination Grace Period:  30s\n');
  });

  it.each([
    ['BestEffort', {}, {}],
    ['Burstable', { cpu: '100m' }, {}],
    ['Guaranteed', { cpu: '500m', memory: '128Mi' }, { cpu: '0.5', memory: '128Mi' }],
    ['Burstable', { cpu: '250m', memory: '128Mi' }, { cpu: '500m', memory: '128Mi' }],
  ])('computes QoS class %s from requests %j and limits %j', (qos, requests, limits) => {
    const pod = runningPod();
    delete pod.status.qosClass;
    pod.spec.containers[0].resources = { requests, limits };
    expect(describe('pods', pod, contextOf('2024-07-01T10:05:00Z', [pod]))).toMatch(new RegExp(`\nQoS Class: +${qos}\n`));
  });

  it('prints probes, resources, command and every env form', () => {
    const pod = runningPod();
    Object.assign(pod.spec.containers[0], {
      command: ['sh', '-c'],
      args: ['echo hi\nsleep 3600'],
      resources: { requests: { memory: '64Mi', cpu: '0.1' }, limits: { memory: '128Mi' } },
      livenessProbe: { httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
      readinessProbe: { tcpSocket: { port: 80 }, initialDelaySeconds: 5, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
      env: [
        { name: 'MODE', value: 'dev' },
        { name: 'LOG_LEVEL', valueFrom: { configMapKeyRef: { name: 'app-cfg', key: 'level' } } },
        { name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password', optional: true } } },
        { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
        { name: 'MEM', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1Mi' } } },
      ],
      envFrom: [{ configMapRef: { name: 'app-cfg' } }, { secretRef: { name: 'db' }, prefix: 'DB_' }],
    });
    const out = describe('pods', pod, contextOf('2024-07-01T10:05:00Z', [pod]));
    expect(out).toContain(
      lines(
        '    Command:',
        '      sh',
        '      -c',
        '    Args:',
        '      echo hi',
        '      sleep 3600',
        '    State:          Running',
      ),
    );
    expect(out).toContain(
      lines(
        '    Limits:',
        '      memory:  128Mi',
        '    Requests:',
        '      cpu:      100m',
        '      memory:   64Mi',
        '    Liveness:   http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3',
        '    Readiness:  tcp-socket :80 delay=5s timeout=1s period=10s #success=1 #failure=3',
        '    Environment Variables from:',
        '      app-cfg  ConfigMap                 Optional: false',
        "      db       Secret with prefix 'DB_'  Optional: false",
        '    Environment:',
        '      MODE:       dev',
        "      LOG_LEVEL:  <set to the key 'level' of config map 'app-cfg'>  Optional: false",
        "      PASSWORD:   <set to the key 'password' in secret 'db'>        Optional: true",
        '      POD_NAME:   web-7d4b9c8f6d-x2x9k (v1:metadata.name)',
        '      MEM:        128 (limits.memory)',
        '    Mounts:',
      ),
    );
  });

  it.each([
    [{ name: 'data', emptyDir: {} }, ['    Type:       EmptyDir (a temporary directory that shares a pod\'s lifetime)', '    Medium:     ', '    SizeLimit:  <unset>']],
    [{ name: 'cfg', configMap: { name: 'app-cfg' } }, ['    Type:      ConfigMap (a volume populated by a ConfigMap)', '    Name:      app-cfg', '    Optional:  false']],
    [{ name: 'creds', secret: { secretName: 'db' } }, ['    Type:        Secret (a volume populated by a Secret)', '    SecretName:  db', '    Optional:    false']],
    [{ name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } }, ['    Type:       PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)', '    ClaimName:  www-web-0', '    ReadOnly:   false']],
    [{ name: 'logs', hostPath: { path: '/var/log', type: 'Directory' } }, ['    Type:          HostPath (bare host directory volume)', '    Path:          /var/log', '    HostPathType:  Directory']],
  ])('prints volume %j', (volume, expected) => {
    const pod = runningPod();
    pod.spec.volumes = [volume];
    const out = describe('pods', pod, contextOf('2024-07-01T10:05:00Z', [pod]));
    // The volume block runs on into QoS Class etc., so only the column width of these lines is known up front.
    const block = out.slice(out.indexOf('Volumes:\n')).split('\n').slice(2, 2 + expected.length);
    const width = Math.max(...block.map((l) => l.indexOf(l.trimStart().split(/\s{2,}/)[1] ?? '')));
    expect(block.map((l) => l.trimEnd())).toEqual(expected.map((l) => l.replace(/^(\s+\S[^:]*:)\s*/, (_m, k: string) => k.padEnd(width)).trimEnd()));
  });
});
