import {
  AEGIS_TEST_RESOURCE_TYPE,
  IS_TEST_CREATOR_RULE,
  IS_UNREVEALED_BLIND_TEST_RULE,
} from '@aegis-security/plugin-aegis-common';
import {
  createConditionExports,
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import { Knex } from 'knex';
import { z } from 'zod/v3';

/** What the test rules look at. */
export interface TestFacts {
  id: string;
  createdBy: string;
  blind: boolean;
  /** Whether red has submitted at least once, which reveals a blind test. */
  revealed: boolean;
}

/** A condition as a SQL `where` on the `aegis_tests` table. */
export type TestQuery = (query: Knex.QueryBuilder) => void;

/** The Aegis test resource type, for the permissions registry. */
export const testResourceRef = createPermissionResourceRef<
  TestFacts,
  TestQuery
>().with({ pluginId: 'aegis', resourceType: AEGIS_TEST_RESOURCE_TYPE });

const isTestCreator = createPermissionRule({
  name: IS_TEST_CREATOR_RULE,
  description: 'Allow tests created by the given user',
  resourceRef: testResourceRef,
  paramsSchema: z.object({
    userEntityRef: z.string().describe('The creator, as a user entity ref'),
  }),
  apply: (test, { userEntityRef }) =>
    test.createdBy.toLocaleLowerCase('en-US') ===
    userEntityRef.toLocaleLowerCase('en-US'),
  toQuery:
    ({ userEntityRef }) =>
    query =>
      query.where(
        'aegis_tests.created_by',
        userEntityRef.toLocaleLowerCase('en-US'),
      ),
});

const isUnrevealedBlindTest = createPermissionRule({
  name: IS_UNREVEALED_BLIND_TEST_RULE,
  description:
    'Match blind tests whose red side has not been submitted yet; policies hide them from blue roles',
  resourceRef: testResourceRef,
  paramsSchema: z.object({}),
  apply: test => test.blind && !test.revealed,
  toQuery: () => query =>
    query.where('aegis_tests.blind', true).whereNull('aegis_tests.revealed_at'),
});

/** Every rule of the test resource type. */
export const testRules = { isTestCreator, isUnrevealedBlindTest };

/** Condition factories for policies written against the test rules. */
export const { conditions: testConditions, createConditionalDecision } =
  createConditionExports({ resourceRef: testResourceRef, rules: testRules });
