import type {
  AegisRole,
  ListTestsQuery,
} from '@aegis-security/plugin-aegis-common';

type WaitingFilter = Pick<ListTestsQuery, 'state' | 'pending_validation_side'>;

/**
 * The tests that wait for each role. The list endpoint takes one filter, so a
 * user with several roles gets the view of the first role in this order: the
 * decisions of leads and admins block more people than a technician's work.
 */
const WAITING_BY_ROLE: Array<[AegisRole, WaitingFilter]> = [
  ['admin', { state: 'in_review' }],
  ['red_lead', { pending_validation_side: 'red' }],
  ['blue_lead', { pending_validation_side: 'blue' }],
  ['red_tech', { state: 'draft,red_executing' }],
  ['blue_tech', { state: 'blue_evaluating' }],
];

/**
 * The filter of the "Waiting for me" view for a user's roles and the role it
 * is based on, or undefined for viewers, for whom nothing waits.
 */
export function waitingFilterFor(
  roles: readonly AegisRole[],
): { role: AegisRole; filter: WaitingFilter } | undefined {
  const found = WAITING_BY_ROLE.find(([role]) => roles.includes(role));
  return found && { role: found[0], filter: found[1] };
}
