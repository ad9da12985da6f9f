import {
  AEGIS_TEMPLATE_RESOURCE_TYPE,
  IS_TEMPLATE_ACTIVE_RULE,
} from '@aegis-security/plugin-aegis-common';
import {
  createConditionExports,
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import { Knex } from 'knex';
import { z } from 'zod/v3';

/** What the template rules look at. */
export interface TemplateFacts {
  id: string;
  active: boolean;
}

/** A condition as a SQL `where` on the `aegis_templates` table. */
export type TemplateQuery = (query: Knex.QueryBuilder) => void;

/** The Aegis template resource type, for the permissions registry. */
export const templateResourceRef = createPermissionResourceRef<
  TemplateFacts,
  TemplateQuery
>().with({ pluginId: 'aegis', resourceType: AEGIS_TEMPLATE_RESOURCE_TYPE });

const isTemplateActive = createPermissionRule({
  name: IS_TEMPLATE_ACTIVE_RULE,
  description: 'Match templates that have not been deactivated',
  resourceRef: templateResourceRef,
  paramsSchema: z.object({}),
  apply: template => template.active,
  toQuery: () => query => query.where('aegis_templates.active', true),
});

/** Every rule of the template resource type. */
export const templateRules = { isTemplateActive };

/** Condition factories for policies written against the template rules. */
export const {
  conditions: templateConditions,
  createConditionalDecision: createTemplateConditionalDecision,
} = createConditionExports({
  resourceRef: templateResourceRef,
  rules: templateRules,
});
