/**
 * The lesson format as JSON Schema (validated with ajv): the fields of lesson.yaml and of
 * a stage, and the arguments of each check. Checks are validated one by one (the loader
 * finds the check's name first) so an unknown check gets its own message, not ajv's.
 */
import type { CheckType } from './checks/types.js';

type Schema = Record<string, unknown>;

const str: Schema = { type: 'string' };
const text: Schema = { type: 'string', minLength: 1 };
const int0: Schema = { type: 'integer', minimum: 0 };
const slug: Schema = { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$', description: 'lowercase letters, digits and dashes' };

const nodeSchema: Schema = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: {
    name: slug,
    role: { enum: ['control-plane', 'worker'] },
    labels: { type: 'object', additionalProperties: str },
    taints: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['key', 'effect'],
        properties: { key: text, value: str, effect: { enum: ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] } },
      },
    },
    capacity: { type: 'object', additionalProperties: { type: ['string', 'number'] } },
    unschedulable: { type: 'boolean' },
  },
};

const fileSchema: Schema = {
  type: 'object',
  additionalProperties: false,
  required: ['path'],
  properties: { path: text, from: text, content: str },
};

const questionSchema: Schema = {
  type: 'object',
  additionalProperties: false,
  required: ['prompt', 'accept'],
  properties: {
    prompt: text,
    choices: { type: 'array', items: text, minItems: 2 },
    accept: { type: 'array', items: { type: ['string', 'number'] }, minItems: 1 },
    explanation: str,
  },
};

const stageSchema: Schema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'title', 'text', 'checks'],
  properties: {
    id: slug,
    title: text,
    text: text,
    files: { type: 'array', items: fileSchema },
    checks: { type: 'array', items: { type: 'object' }, minItems: 1 },
    hints: { type: 'array', items: text },
    question: questionSchema,
    budget: { type: 'integer', minimum: 1 },
    exercise: { type: 'boolean' },
    after: { enum: ['solutions', 'setup'] },
  },
};

/** The whole lesson.yaml. */
export const LESSON_SCHEMA: Schema = {
  type: 'object',
  additionalProperties: false,
  required: ['formatVersion', 'id', 'title', 'area', 'level', 'minutes', 'stages'],
  properties: {
    formatVersion: { type: 'integer', minimum: 1 },
    id: { type: 'string', pattern: '^[0-9]{2}-[a-z0-9][a-z0-9-]*$', description: 'NN-name, the lesson folder name' },
    title: text,
    area: text,
    level: { enum: ['beginner', 'intermediate', 'advanced'] },
    minutes: { type: 'integer', minimum: 1 },
    prerequisites: { type: 'array', items: str },
    cluster: {
      type: 'object',
      additionalProperties: false,
      properties: {
        nodes: { type: 'array', items: nodeSchema, minItems: 1 },
        version: str,
        // Passed through to createImageCatalog as data; its own code validates the entries.
        images: { type: 'object' },
      },
    },
    seed: int0,
    setup: {
      type: 'object',
      additionalProperties: false,
      properties: { manifests: { type: 'array', items: text }, script: str },
    },
    stages: { type: 'array', items: stageSchema, minItems: 1 },
  },
};

const ns = { namespace: slug };
const objectRef: Schema = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'name'],
  properties: { kind: text, name: text, ...ns },
};
const scalar = { type: ['string', 'number', 'boolean'] };

/**
 * The arguments of each check. `all`/`any`/`not` hold checks, validated recursively by the
 * loader; `exists`/`absent` also take `kind/name`, `pvcBound` a name and `commandRan` a
 * pattern as a plain string (expanded before validation).
 */
export const CHECK_ARG_SCHEMAS: Record<CheckType, Schema> = {
  exists: objectRef,
  absent: objectRef,
  field: {
    type: 'object',
    additionalProperties: false,
    required: ['kind', 'name', 'path'],
    properties: {
      kind: text, name: text, ...ns, path: text,
      equals: {}, matches: text, contains: {}, gte: { type: ['number', 'string'] }, lte: { type: ['number', 'string'] }, in: { type: 'array', items: scalar, minItems: 1 },
    },
  },
  podsReady: {
    type: 'object',
    additionalProperties: false,
    required: ['selector'],
    properties: { selector: text, count: int0, exact: { type: 'boolean' }, ...ns },
  },
  podStatus: {
    type: 'object',
    additionalProperties: false,
    properties: { name: text, selector: text, status: text, phase: { enum: ['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown'] }, ...ns },
  },
  rolloutComplete: {
    type: 'object',
    additionalProperties: false,
    properties: { deployment: text, statefulset: text, daemonset: text, image: text, ...ns },
  },
  serviceEndpoints: {
    type: 'object',
    additionalProperties: false,
    required: ['service'],
    properties: { service: text, count: int0, ...ns },
  },
  reachable: {
    type: 'object',
    additionalProperties: false,
    required: ['url'],
    properties: {
      url: text, from: text, ...ns,
      expect: { type: 'object', additionalProperties: false, properties: { text: text, status: { type: 'integer', minimum: 100, maximum: 599 }, blocked: { type: 'boolean' } } },
    },
  },
  pvcBound: { type: 'object', additionalProperties: false, required: ['name'], properties: { name: text, ...ns } },
  canI: {
    type: 'object',
    additionalProperties: false,
    required: ['as', 'verb', 'resource', 'expect'],
    properties: { as: text, verb: text, resource: text, subresource: text, name: text, ...ns, expect: { enum: ['yes', 'no'] } },
  },
  commandRan: { type: 'object', additionalProperties: false, required: ['pattern'], properties: { pattern: text, exitCode: int0 } },
  eventSeen: {
    type: 'object',
    additionalProperties: false,
    required: ['reason'],
    properties: { reason: text, object: { type: 'string', pattern: '^[A-Za-z]+/.+$', description: 'kind/name, e.g. pod/web-*' }, message: text, ...ns },
  },
  answer: { type: 'object', additionalProperties: false, properties: {} },
  all: { type: 'array', items: { type: 'object' }, minItems: 1 },
  any: { type: 'array', items: { type: 'object' }, minItems: 1 },
  not: { type: 'object' },
};
