import { AegisRole, isAegisRole } from '@aegis-security/plugin-aegis-common';
import { Knex } from 'knex';
import { RoleStore, UserAccess } from './RoleStore';

const USERS = 'aegis_users';
const BINDINGS = 'aegis_role_bindings';

/** Role bindings and activation state in the Aegis database. */
export class DatabaseRoleStore implements RoleStore {
  constructor(private readonly db: Knex) {}

  async getAccess(
    userEntityRef: string,
    trx?: Knex.Transaction,
  ): Promise<UserAccess> {
    const db = trx ?? this.db;
    const ref = normalise(userEntityRef);
    const user = await db(USERS).where('user_entity_ref', ref).first('active');
    const bindings = await db(BINDINGS)
      .where('user_entity_ref', ref)
      .select('role');
    return {
      active: user ? Boolean(user.active) : true,
      boundRoles: toRoles(bindings),
    };
  }

  async listAccess(trx?: Knex.Transaction): Promise<Map<string, UserAccess>> {
    const db = trx ?? this.db;
    const users = await db(USERS).select('user_entity_ref', 'active');
    const bindings = await db(BINDINGS).select('user_entity_ref', 'role');
    const access = new Map<string, UserAccess>();
    const entry = (ref: string) => {
      if (!access.has(ref)) access.set(ref, { active: true, boundRoles: [] });
      return access.get(ref)!;
    };
    for (const user of users) {
      entry(user.user_entity_ref).active = Boolean(user.active);
    }
    for (const binding of bindings) {
      if (isAegisRole(binding.role)) {
        entry(binding.user_entity_ref).boundRoles.push(binding.role);
      }
    }
    return access;
  }

  async hasAccessRecord(
    userEntityRef: string,
    trx?: Knex.Transaction,
  ): Promise<boolean> {
    const row = await (trx ?? this.db)(USERS)
      .where('user_entity_ref', normalise(userEntityRef))
      .first('user_entity_ref');
    return Boolean(row);
  }

  async exclusive<T>(work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
    return this.db.transaction(async trx => {
      if (this.db.client.config.client === 'pg') {
        await trx.raw("SELECT pg_advisory_xact_lock(hashtext('aegis_roles'))");
      }
      return work(trx);
    });
  }

  async saveAccess(
    userEntityRef: string,
    access: UserAccess,
    actor: string,
    trx: Knex.Transaction,
  ): Promise<void> {
    const ref = normalise(userEntityRef);
    await trx(USERS)
      .insert({
        user_entity_ref: ref,
        active: access.active,
        updated_by: actor,
        updated_at: new Date().toISOString(),
      })
      .onConflict('user_entity_ref')
      .merge(['active', 'updated_by', 'updated_at']);

    await trx(BINDINGS).where('user_entity_ref', ref).delete();
    if (access.boundRoles.length > 0) {
      await trx(BINDINGS).insert(
        access.boundRoles.map(role => ({
          user_entity_ref: ref,
          role,
          created_by: actor,
          created_at: new Date().toISOString(),
        })),
      );
    }
  }
}

function normalise(ref: string): string {
  return ref.toLocaleLowerCase('en-US');
}

function toRoles(rows: Array<{ role: string }>): AegisRole[] {
  return rows.map(row => row.role).filter(isAegisRole);
}
