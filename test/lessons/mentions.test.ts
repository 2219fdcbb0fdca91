import { describe, expect, it } from 'vitest';
import { findMentions } from '../../src/lessons/mentions.js';

describe('object mentions in lesson text', () => {
  it('finds type/name forms and kubectl commands', () => {
    const found = findMentions(['Look at deployment/web, then run `kubectl logs web-0` and `kubectl describe svc shop -n dev`.']);
    expect(found.map((m) => `${m.type.resource}/${m.name}`).sort()).toEqual(['deployments/web', 'pods/web-0', 'services/shop']);
  });

  it('does not take RBAC subresources for objects', () => {
    expect(findMentions(['Grant `pods/log` and deployments/scale, but not pods/exec.'])).toEqual([]);
  });
});
