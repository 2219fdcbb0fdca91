import { describe, expect, it } from 'vitest';
import { printGoTemplate } from '../../../src/kubectl/printers/go-template.js';
import { hasKubectl, kubectl } from './real-kubectl.js';

const deployment = {
  apiVersion: 'apps/v1', kind: 'Deployment',
  metadata: { creationTimestamp: null, labels: { app: 'web' }, name: 'web' },
  spec: {
    replicas: 1, selector: { matchLabels: { app: 'web' } }, strategy: {},
    template: { metadata: { creationTimestamp: null, labels: { app: 'web' } }, spec: { containers: [{ image: 'nginx', name: 'nginx', resources: {} }] } },
  },
  status: {},
};

// Each expectation is what kubectl v1.32 printed for `create deployment web --image=nginx --dry-run=client`.
const CASES: [string, string][] = [
  ['{{.metadata.name}}', 'web'],
  ['{{range .spec.template.spec.containers}}{{.name}}:{{.image}}{{"\\n"}}{{end}}', 'nginx:nginx\n'],
  ['{{index .metadata.labels "app"}}', 'web'],
  ['{{.metadata.labels}}', 'map[app:web]'],
  ['{{.missing}}', '<no value>'],
  ['{{.metadata.creationTimestamp}}', '<no value>'],
  ['{{len .spec.template.spec.containers}}', '1'],
  ['{{if .spec.replicas}}yes{{else}}no{{end}}', 'yes'],
  ['{{printf "%s-%d" .metadata.name .spec.replicas}}', 'web-1'],
  ['{{.spec.template.spec.containers}}', '[map[image:nginx name:nginx resources:map[]]]'],
  ['{{range $k, $v := .metadata.labels}}{{$k}}={{$v}};{{end}}', 'app=web;'],
  ['{{- .kind -}}  x', 'Deploymentx'],
];

describe('printGoTemplate', () => {
  it.each(CASES)('%s → %j', (template, expected) => {
    expect(printGoTemplate(template, deployment)).toEqual({ ok: true, text: expected });
  });

  it.each([
    ['{{if eq .kind "Pod"}}pod{{else if eq .kind "Deployment"}}deploy{{end}}', 'deploy'],
    ['{{with .spec.selector}}{{.matchLabels.app}}{{end}}', 'web'],
    ['{{range .items}}x{{else}}none{{end}}', 'none'],
    ['{{.metadata.name | printf "%q"}}', '"web"'],
    ['{{"aGVsbG8=" | base64decode}}', 'hello'],
    ['{{$n := .metadata.name}}{{range .spec.template.spec.containers}}{{$n}}/{{.name}}{{end}}', 'web/nginx'],
    ['{{/* a comment */}}ok', 'ok'],
  ])('%s → %j', (template, expected) => {
    expect(printGoTemplate(template, deployment)).toEqual({ ok: true, text: expected });
  });

  it('reports an unterminated block', () => {
    expect(printGoTemplate('{{range .items}}x', deployment)).toEqual({ ok: false, stderr: 'error: error executing template "{{range .items}}x": unexpected EOF\n' });
  });
});

describe.skipIf(!hasKubectl)('against the real kubectl', () => {
  it.each(CASES)('matches %s', (template) => {
    const out = kubectl(['create', 'deployment', 'web', '--image=nginx', '--dry-run=client', '-o', `go-template=${template}`]);
    expect(printGoTemplate(template, deployment)).toEqual({ ok: true, text: out });
  });
});
