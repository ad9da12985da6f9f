import { PermissionCriteria } from '@backstage/plugin-permission-common';
import {
  isAndCriteria,
  isNotCriteria,
  isOrCriteria,
} from '@backstage/plugin-permission-node';
import { Knex } from 'knex';

/** A permission rule's `toQuery` result: a SQL `where` to add to a query. */
export type SqlCondition = (query: Knex.QueryBuilder) => void;

/**
 * Adds a permission criteria, already turned into SQL parts by the rules'
 * `toQuery`, to a query, keeping its all-of, any-of and not structure.
 */
export function whereCriteria(
  query: Knex.QueryBuilder,
  criteria: PermissionCriteria<SqlCondition>,
): void {
  if (isAndCriteria(criteria)) {
    query.where(inner => {
      for (const part of criteria.allOf) {
        inner.andWhere(sub => whereCriteria(sub, part));
      }
    });
  } else if (isOrCriteria(criteria)) {
    query.where(inner => {
      for (const part of criteria.anyOf) {
        inner.orWhere(sub => whereCriteria(sub, part));
      }
    });
  } else if (isNotCriteria(criteria)) {
    query.whereNot(inner => whereCriteria(inner, criteria.not));
  } else {
    criteria(query);
  }
}
