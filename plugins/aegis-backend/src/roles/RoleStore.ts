import { AegisRole } from '@aegis-security/plugin-aegis-common';
import { Knex } from 'knex';

/** What Aegis administration stores about a user. */
export interface UserAccess {
  active: boolean;
  /** Roles bound by administrators. */
  boundRoles: AegisRole[];
}

/** Role bindings and activation state of users. */
export interface RoleStore {
  /** A user's stored access; active with no bindings when never stored. */
  getAccess(userEntityRef: string, trx?: Knex.Transaction): Promise<UserAccess>;

  /** Stored access of every user that has any, by lower-case entity ref. */
  listAccess(trx?: Knex.Transaction): Promise<Map<string, UserAccess>>;

  /** Whether anything was ever stored for the user. */
  hasAccessRecord(
    userEntityRef: string,
    trx?: Knex.Transaction,
  ): Promise<boolean>;

  /**
   * Runs the work in one transaction in which role changes are serialised,
   * so that concurrent changes cannot both remove the last admin.
   */
  exclusive<T>(work: (trx: Knex.Transaction) => Promise<T>): Promise<T>;

  /** Replaces a user's stored access inside a transaction. */
  saveAccess(
    userEntityRef: string,
    access: UserAccess,
    actor: string,
    trx: Knex.Transaction,
  ): Promise<void>;
}
