import {
  AegisRole,
  AegisUser,
  AegisUserPage,
  CreateUserRequest,
  UpdateUserRequest,
} from '@aegis-security/plugin-aegis-common';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import { Knex } from 'knex';
import { AuditStore } from '../audit/AuditStore';
import { CatalogMembership, CatalogUser } from './CatalogMembership';
import { computeRoles } from './computeRoles';
import { RolesConfig } from './config';
import { RoleStore, UserAccess } from './RoleStore';

/** Who asked for a change, for the audit log. */
export interface ChangeContext {
  actor: string;
  requestId?: string;
}

/** Filters of the user list. */
export interface UserQuery {
  role?: AegisRole;
  search?: string;
  limit: number;
  offset: number;
}

/**
 * Users and their roles: effective roles from config, catalog groups and
 * database bindings; changes made by admins, audited, and never leaving
 * Aegis without an active admin.
 */
export class UserAdministration {
  constructor(
    private readonly options: {
      rolesConfig: RolesConfig;
      membership: CatalogMembership;
      roleStore: RoleStore;
      auditStore: AuditStore;
    },
  ) {}

  /**
   * The effective access of a signed-in user. A user missing from the catalog
   * still gets what config maps to their own ref and their bindings.
   */
  async resolve(userEntityRef: string): Promise<AegisUser> {
    const { membership, roleStore } = this.options;
    const [catalogUser, access] = await Promise.all([
      membership.findUser(userEntityRef),
      roleStore.getAccess(userEntityRef),
    ]);
    return this.toAegisUser(
      catalogUser ?? {
        entityRef: userEntityRef.toLocaleLowerCase('en-US'),
        groupRefs: [],
      },
      access,
    );
  }

  async list(query: UserQuery): Promise<AegisUserPage> {
    const [catalogUsers, accessByUser] = await Promise.all([
      this.options.membership.listUsers(),
      this.options.roleStore.listAccess(),
    ]);
    const search = query.search?.toLocaleLowerCase('en-US');

    const matching = catalogUsers
      .map(user => this.toAegisUser(user, accessByUser.get(user.entityRef)))
      .filter(user => !query.role || holds(user, query.role))
      .filter(
        user =>
          !search ||
          [user.userEntityRef, user.displayName, user.email].some(text =>
            text?.toLocaleLowerCase('en-US').includes(search),
          ),
      )
      .sort((a, b) => a.userEntityRef.localeCompare(b.userEntityRef));

    return {
      items: matching.slice(query.offset, query.offset + query.limit),
      total: matching.length,
      limit: query.limit,
      offset: query.offset,
    };
  }

  async get(userEntityRef: string): Promise<AegisUser> {
    const catalogUser = await this.requireCatalogUser(userEntityRef);
    const access = await this.options.roleStore.getAccess(userEntityRef);
    return this.toAegisUser(catalogUser, access);
  }

  async create(
    request: CreateUserRequest,
    context: ChangeContext,
  ): Promise<AegisUser> {
    const catalogUser = await this.options.membership.findUser(
      request.userEntityRef,
    );
    if (!catalogUser) {
      throw new InputError(
        `Invalid body: userEntityRef: ${request.userEntityRef} is not a user in the catalog`,
      );
    }

    return this.change(catalogUser, context, 'user.create', async trx => {
      if (
        await this.options.roleStore.hasAccessRecord(catalogUser.entityRef, trx)
      ) {
        throw new ConflictError(
          `${catalogUser.entityRef} is already administered in Aegis; change their roles with PATCH /users/{id}`,
        );
      }
      return { active: true, boundRoles: unique(request.roles) };
    });
  }

  async update(
    userEntityRef: string,
    request: UpdateUserRequest,
    context: ChangeContext,
  ): Promise<AegisUser> {
    const catalogUser = await this.requireCatalogUser(userEntityRef);

    return this.change(catalogUser, context, 'user.update', async trx => {
      const current = await this.options.roleStore.getAccess(
        catalogUser.entityRef,
        trx,
      );
      return {
        active: request.active ?? current.active,
        boundRoles: request.roles ? unique(request.roles) : current.boundRoles,
      };
    });
  }

  /**
   * Applies a change to one user's stored access in a serialised
   * transaction, refusing it when it would leave no active admin, and
   * records it in the audit log in the same transaction.
   */
  private async change(
    catalogUser: CatalogUser,
    context: ChangeContext,
    action: string,
    nextAccess: (trx: Knex.Transaction) => Promise<UserAccess>,
  ): Promise<AegisUser> {
    const { roleStore, auditStore, membership } = this.options;
    const catalogUsers = await membership.listUsers();

    return roleStore.exclusive(async trx => {
      const accessByUser = await roleStore.listAccess(trx);
      const before = this.toAegisUser(
        catalogUser,
        accessByUser.get(catalogUser.entityRef),
      );
      const next = await nextAccess(trx);
      const after = this.toAegisUser(catalogUser, next);

      accessByUser.set(catalogUser.entityRef, next);
      const adminsBefore = this.countAdmins(catalogUsers, accessByUser, before);
      const adminsAfter = this.countAdmins(catalogUsers, accessByUser, after);
      if (adminsBefore > 0 && adminsAfter === 0) {
        throw new ConflictError(
          `This change would remove the last active admin (${catalogUser.entityRef}); make someone else admin first`,
        );
      }

      await roleStore.saveAccess(
        catalogUser.entityRef,
        next,
        context.actor,
        trx,
      );
      await auditStore.append(
        {
          actor: context.actor,
          action,
          entityType: 'user',
          entityId: catalogUser.entityRef,
          before: action === 'user.create' ? undefined : summary(before),
          after: summary(after),
          requestId: context.requestId,
        },
        trx,
      );
      return after;
    });
  }

  /** Active admins among catalog users, with one user in a given state. */
  private countAdmins(
    catalogUsers: CatalogUser[],
    accessByUser: Map<string, UserAccess>,
    override: AegisUser,
  ): number {
    return catalogUsers.filter(user => {
      const aegisUser =
        user.entityRef === override.userEntityRef
          ? override
          : this.toAegisUser(user, accessByUser.get(user.entityRef));
      return holds(aegisUser, 'admin');
    }).length;
  }

  private async requireCatalogUser(
    userEntityRef: string,
  ): Promise<CatalogUser> {
    const catalogUser = await this.options.membership.findUser(userEntityRef);
    if (!catalogUser) {
      throw new NotFoundError(`No user ${userEntityRef} in the catalog`);
    }
    return catalogUser;
  }

  private toAegisUser(user: CatalogUser, access?: UserAccess): AegisUser {
    const { active, boundRoles } = access ?? { active: true, boundRoles: [] };
    return {
      userEntityRef: user.entityRef,
      displayName: user.displayName,
      email: user.email,
      active,
      roles: computeRoles(this.options.rolesConfig, {
        userEntityRef: user.entityRef,
        groupRefs: user.groupRefs,
        boundRoles,
        active,
      }),
      boundRoles,
    };
  }
}

function holds(user: AegisUser, role: AegisRole): boolean {
  return user.roles.some(assignment => assignment.role === role);
}

function unique(roles: AegisRole[]): AegisRole[] {
  return [...new Set(roles)];
}

function summary(user: AegisUser) {
  return {
    active: user.active,
    boundRoles: user.boundRoles,
    roles: user.roles.map(assignment => assignment.role),
  };
}
