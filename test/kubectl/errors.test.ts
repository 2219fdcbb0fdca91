import { describe, expect, it } from 'vitest';
import { resourceType } from '../../src/engine/api/discovery.js';
import { alreadyExists, badRequest, forbidden, invalid, notFound } from '../../src/engine/api/errors.js';
import { errorText, errorsText, withSource } from '../../src/kubectl/errors.js';

// kubectl's checkErr wording (reference §5 Errors).
const pods = resourceType('pods')!;
const deployments = resourceType('deployments')!;

describe('errorText', () => {
  it.each([
    ['NotFound', notFound(pods, 'x'), 'Error from server (NotFound): pods "x" not found\n'],
    ['NotFound in a group', notFound(deployments, 'web'), 'Error from server (NotFound): deployments.apps "web" not found\n'],
    ['AlreadyExists', alreadyExists(pods, 'x'), 'Error from server (AlreadyExists): pods "x" already exists\n'],
    ['BadRequest', badRequest('bad'), 'Error from server (BadRequest): bad\n'],
    [
      'Forbidden',
      forbidden('pods is forbidden: User "jane" cannot list resource "pods" in API group "" in the namespace "default"'),
      'Error from server (Forbidden): pods is forbidden: User "jane" cannot list resource "pods" in API group "" in the namespace "default"\n',
    ],
    [
      'Invalid with one cause',
      invalid('Pod', 'nginx', [{ type: 'Required', field: 'spec.containers[0].image' }]),
      'The Pod "nginx" is invalid: spec.containers[0].image: Required value\n',
    ],
    [
      'Invalid with several causes',
      invalid('Deployment', 'web', [
        { type: 'Required', field: 'spec.selector' },
        { type: 'Invalid', field: 'spec.replicas', value: -1, detail: 'must be greater than or equal to 0' },
      ]),
      'The Deployment "web" is invalid: \n* spec.selector: Required value\n* spec.replicas: Invalid value: -1: must be greater than or equal to 0\n',
    ],
    ['a plain message', 'the server doesn\'t have a resource type "foo"', 'error: the server doesn\'t have a resource type "foo"\n'],
    ['a message that has its prefix', 'error: already', 'error: already\n'],
  ])('%s', (_name, error, expected) => {
    expect(errorText(error)).toBe(expected);
  });
});

describe('withSource', () => {
  it('names the file for API errors, as AddSourceToErr does', () => {
    expect(errorText(withSource(alreadyExists(pods, 'nginx'), 'creating', 'pod.yaml'))).toBe(
      'Error from server (AlreadyExists): error when creating "pod.yaml": pods "nginx" already exists\n',
    );
  });

  it('leaves Invalid printing from its details, so the file does not show', () => {
    const e = withSource(invalid('Pod', 'nginx', [{ type: 'Required', field: 'spec.containers' }]), 'creating', 'pod.yaml');
    expect(errorText(e)).toBe('The Pod "nginx" is invalid: spec.containers: Required value\n');
  });
});

describe('errorsText', () => {
  it('prints each error of an aggregate on its own line', () => {
    expect(errorsText([notFound(pods, 'a'), notFound(pods, 'b')])).toBe(
      'Error from server (NotFound): pods "a" not found\nError from server (NotFound): pods "b" not found\n',
    );
  });
});
