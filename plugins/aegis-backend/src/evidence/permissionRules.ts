import {
  AEGIS_EVIDENCE_RESOURCE_TYPE,
  IS_EVIDENCE_OF_UNREVEALED_BLIND_TEST_RULE,
  IS_EVIDENCE_UPLOADER_RULE,
} from '@aegis-security/plugin-aegis-common';
import {
  createConditionExports,
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import { Knex } from 'knex';
import { z } from 'zod/v3';

/** What the evidence rules look at. */
export interface EvidenceFacts {
  id: string;
  testId: string;
  team: 'red' | 'blue';
  uploadedBy: string;
  /** The test's blind flag, and whether red has submitted (revealing it). */
  testBlind: boolean;
  testRevealed: boolean;
}

/** A condition as a SQL `where` on the `aegis_evidence` table. */
export type EvidenceQuery = (query: Knex.QueryBuilder) => void;

/** The Aegis evidence resource type, for the permissions registry. */
export const evidenceResourceRef = createPermissionResourceRef<
  EvidenceFacts,
  EvidenceQuery
>().with({ pluginId: 'aegis', resourceType: AEGIS_EVIDENCE_RESOURCE_TYPE });

const isEvidenceUploader = createPermissionRule({
  name: IS_EVIDENCE_UPLOADER_RULE,
  description: 'Allow evidence uploaded by the given user',
  resourceRef: evidenceResourceRef,
  paramsSchema: z.object({
    userEntityRef: z.string().describe('The uploader, as a user entity ref'),
  }),
  apply: (evidence, { userEntityRef }) =>
    evidence.uploadedBy.toLocaleLowerCase('en-US') ===
    userEntityRef.toLocaleLowerCase('en-US'),
  toQuery:
    ({ userEntityRef }) =>
    query =>
      query.where(
        'aegis_evidence.uploaded_by',
        userEntityRef.toLocaleLowerCase('en-US'),
      ),
});

const isEvidenceOfUnrevealedBlindTest = createPermissionRule({
  name: IS_EVIDENCE_OF_UNREVEALED_BLIND_TEST_RULE,
  description:
    'Match evidence of blind tests whose red side has not been submitted yet',
  resourceRef: evidenceResourceRef,
  paramsSchema: z.object({}),
  apply: evidence => evidence.testBlind && !evidence.testRevealed,
  toQuery: () => query =>
    query.whereExists(inner =>
      inner
        .from('aegis_tests')
        .whereRaw('aegis_tests.id = aegis_evidence.test_id')
        .where('aegis_tests.blind', true)
        .whereNull('aegis_tests.revealed_at'),
    ),
});

/** Every rule of the evidence resource type. */
export const evidenceRules = {
  isEvidenceUploader,
  isEvidenceOfUnrevealedBlindTest,
};

/** Condition factories for policies written against the evidence rules. */
export const {
  conditions: evidenceConditions,
  createConditionalDecision: createEvidenceConditionalDecision,
} = createConditionExports({
  resourceRef: evidenceResourceRef,
  rules: evidenceRules,
});
