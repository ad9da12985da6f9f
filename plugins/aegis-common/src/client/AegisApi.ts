import type {
  AttackDomain,
  ListTechniquesQuery,
  SyncRun,
  SyncRunPage,
  Tactic,
  TechniqueDetail,
  TechniquePage,
} from '../attackTypes';
import type {
  AegisUser,
  AegisUserPage,
  CreateUserRequest,
  HealthResponse,
  ListUsersQuery,
  MeResponse,
  UpdateUserRequest,
} from '../types';

/**
 * Options of a single request: a Backstage token for callers outside the
 * frontend, whose fetch does not add one.
 *
 * @public
 */
export interface AegisRequestOptions {
  token?: string;
}

/**
 * The Aegis REST API, as used by the frontend plugin and by automation.
 *
 * @public
 */
export interface AegisApi {
  getHealth(options?: AegisRequestOptions): Promise<HealthResponse>;
  getMe(options?: AegisRequestOptions): Promise<MeResponse>;
  listUsers(
    query?: ListUsersQuery,
    options?: AegisRequestOptions,
  ): Promise<AegisUserPage>;
  getUser(
    userEntityRef: string,
    options?: AegisRequestOptions,
  ): Promise<AegisUser>;
  createUser(
    request: CreateUserRequest,
    options?: AegisRequestOptions,
  ): Promise<AegisUser>;
  updateUser(
    userEntityRef: string,
    request: UpdateUserRequest,
    options?: AegisRequestOptions,
  ): Promise<AegisUser>;
  listTactics(
    query?: { domain?: AttackDomain },
    options?: AegisRequestOptions,
  ): Promise<{ items: Tactic[] }>;
  listTechniques(
    query?: ListTechniquesQuery,
    options?: AegisRequestOptions,
  ): Promise<TechniquePage>;
  getTechnique(
    mitreId: string,
    options?: AegisRequestOptions,
  ): Promise<TechniqueDetail>;
  syncAttack(options?: AegisRequestOptions): Promise<{ runs: SyncRun[] }>;
  listSyncRuns(
    query?: { domain?: AttackDomain; limit?: number; offset?: number },
    options?: AegisRequestOptions,
  ): Promise<SyncRunPage>;
}
