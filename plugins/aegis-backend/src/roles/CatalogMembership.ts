import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_CHILD_OF,
  RELATION_MEMBER_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** A catalog user with every group they belong to. */
export interface CatalogUser {
  entityRef: string;
  displayName?: string;
  email?: string;
  /** Direct groups and all their ancestors, as lower-case entity refs. */
  groupRefs: string[];
}

const USER_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'spec.profile',
  'relations',
];
const GROUP_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'relations',
];

/**
 * Reads users and the group hierarchy from the catalog: a member of a child
 * group of the red team is a member of the red team.
 */
export class CatalogMembership {
  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  /** One user with their groups, or undefined when not in the catalog. */
  async findUser(userEntityRef: string): Promise<CatalogUser | undefined> {
    const credentials = await this.auth.getOwnServiceCredentials();
    const entity = await this.catalog.getEntityByRef(userEntityRef, {
      credentials,
    });
    if (!entity || entity.kind.toLocaleLowerCase('en-US') !== 'user') {
      return undefined;
    }
    const groupRefs = await this.withAncestors(
      targetsOf(entity, RELATION_MEMBER_OF),
      credentials,
    );
    return toCatalogUser(entity, groupRefs);
  }

  /** Every catalog user with their groups, from two catalog queries. */
  async listUsers(): Promise<CatalogUser[]> {
    const credentials = await this.auth.getOwnServiceCredentials();
    const [users, groups] = await Promise.all([
      this.catalog.getEntities(
        { filter: { kind: 'User' }, fields: USER_FIELDS },
        { credentials },
      ),
      this.catalog.getEntities(
        { filter: { kind: 'Group' }, fields: GROUP_FIELDS },
        { credentials },
      ),
    ]);

    const parents = new Map(
      groups.items.map(group => [
        refOf(group),
        targetsOf(group, RELATION_CHILD_OF),
      ]),
    );
    return users.items.map(user =>
      toCatalogUser(
        user,
        closure(targetsOf(user, RELATION_MEMBER_OF), ref => parents.get(ref)),
      ),
    );
  }

  private async withAncestors(
    groupRefs: string[],
    credentials: BackstageCredentials,
  ): Promise<string[]> {
    const seen = new Set(groupRefs);
    let frontier = groupRefs;
    while (frontier.length > 0) {
      const { items } = await this.catalog.getEntitiesByRefs(
        { entityRefs: frontier, fields: GROUP_FIELDS },
        { credentials },
      );
      frontier = items
        .flatMap(group => (group ? targetsOf(group, RELATION_CHILD_OF) : []))
        .filter(ref => !seen.has(ref));
      frontier.forEach(ref => seen.add(ref));
    }
    return [...seen];
  }
}

function closure(
  start: string[],
  parentsOf: (ref: string) => string[] | undefined,
): string[] {
  const seen = new Set(start);
  const queue = [...start];
  while (queue.length > 0) {
    for (const parent of parentsOf(queue.shift()!) ?? []) {
      if (!seen.has(parent)) {
        seen.add(parent);
        queue.push(parent);
      }
    }
  }
  return [...seen];
}

function refOf(entity: Entity): string {
  return stringifyEntityRef(entity).toLocaleLowerCase('en-US');
}

function targetsOf(entity: Entity, type: string): string[] {
  return (entity.relations ?? [])
    .filter(relation => relation.type === type)
    .map(relation => relation.targetRef.toLocaleLowerCase('en-US'));
}

function toCatalogUser(entity: Entity, groupRefs: string[]): CatalogUser {
  const profile = (entity.spec?.profile ?? {}) as {
    displayName?: string;
    email?: string;
  };
  return {
    entityRef: refOf(entity),
    displayName: profile.displayName ?? entity.metadata.title,
    email: profile.email,
    groupRefs,
  };
}
