// The request schemas of the test routes: bodies, the list query and the
// test id, each refusing unknown fields.
import {
  CONTROL_RESULTS,
  REMEDIATION_STATUSES,
  TEST_SEVERITIES,
  TEST_STATES,
} from '@aegis-security/plugin-aegis-common';
import { z } from 'zod';
import {
  entityRef,
  mitreId,
  queryInteger,
  queryOffset,
} from '../lib/validation';

const LONG_TEXT = 20_000;

const text = (max: number) => z.string().max(max);
const nullableText = (max: number) => text(max).nullable().optional();
const version = z.number().int().positive();
const timestamp = z.iso.datetime({ offset: true });

const generalFields = {
  title: z.string().trim().min(1).max(200),
  description: text(LONG_TEXT),
  techniques: z.array(mitreId).min(1).max(50),
  platform: z.string().trim().min(1).max(100),
  targets: z.array(entityRef('component')).max(100),
  severity: z.enum(TEST_SEVERITIES),
  procedure: text(LONG_TEXT),
  tools: z.array(z.string().trim().min(1).max(200)).max(50),
  expectedDetection: text(LONG_TEXT),
  tags: z.array(z.string().trim().min(1).max(50)).max(50),
  templateId: z.string().min(1).max(36),
  blind: z.boolean(),
};

export const createBody = z.strictObject({
  ...generalFields,
  description: generalFields.description.optional(),
  targets: generalFields.targets.optional(),
  procedure: generalFields.procedure.optional(),
  tools: generalFields.tools.optional(),
  expectedDetection: generalFields.expectedDetection.optional(),
  tags: generalFields.tags.optional(),
  templateId: generalFields.templateId.optional(),
  blind: generalFields.blind.optional(),
});

export const updateBody = z
  .strictObject({ ...createBody.partial().shape, version: version.optional() })
  .refine(body => Object.keys(body).some(key => key !== 'version'), {
    message: 'give at least one field to change',
  });

export const redBody = z.strictObject({
  version: version.optional(),
  executedAt: timestamp.nullable().optional(),
  commands: nullableText(LONG_TEXT),
  result: nullableText(LONG_TEXT),
  notes: nullableText(LONG_TEXT),
});

export const blueBody = z.strictObject({
  version: version.optional(),
  controls: z
    .array(
      z.strictObject({
        control: z.string().trim().min(1).max(100),
        result: z.enum(CONTROL_RESULTS),
      }),
    )
    .max(50)
    .optional(),
  alertSeverity: z.enum(TEST_SEVERITIES).nullable().optional(),
  detectedAt: timestamp.nullable().optional(),
  detectionReference: nullableText(2000),
  notes: nullableText(LONG_TEXT),
});

export const remediationBody = z.strictObject({
  version: version.optional(),
  status: z.enum(REMEDIATION_STATUSES),
  owner: entityRef('user', ['user', 'group']).nullable().optional(),
  dueDate: z.iso.date().nullable().optional(),
  steps: z
    .array(
      z.strictObject({
        title: z.string().trim().min(1).max(500),
        status: z.enum(REMEDIATION_STATUSES),
      }),
    )
    .max(100)
    .optional(),
});

export const voteBody = z.strictObject({
  decision: z.enum(['approve', 'reject']),
  comment: z.string().trim().min(1).max(5000),
  overrideReason: z.string().trim().min(1).max(2000).optional(),
});

export const transitionBody = z.strictObject({
  comment: z.string().trim().max(5000).optional(),
});

export const listQuery = z.strictObject({
  state: z
    .string()
    .transform(value => value.split(',').map(state => state.trim()))
    .pipe(z.array(z.enum(TEST_STATES)).min(1))
    .optional(),
  technique: mitreId.optional(),
  platform: z.string().trim().min(1).max(100).optional(),
  creator: entityRef('user', ['user']).optional(),
  target: entityRef('component').optional(),
  pending_validation_side: z.enum(['red', 'blue']).optional(),
  editable: z
    .enum(['true', 'false'])
    .transform(value => value === 'true')
    .optional(),
  needs_remap: z
    .enum(['true', 'false'])
    .transform(value => value === 'true')
    .optional(),
  search: z.string().trim().min(1).max(200).optional(),
  sort: z
    .enum(['created_at', 'updated_at', 'title', 'severity'])
    .default('updated_at'),
  order: z.enum(['asc', 'desc']).default('desc'),
  limit: queryInteger({ min: 1, max: 200, default: 50 }),
  offset: queryOffset(),
});

export const idParam = z.strictObject({ id: z.uuid('not a test id') });
