import { InputError } from '@backstage/errors';
import { Knex } from 'knex';

/**
 * Checks that ATT&CK ids name techniques of the knowledge base that are not
 * revoked; the 400 names the unknown ones and the replacement of revoked ones.
 */
export async function checkTechniques(
  db: Knex,
  mitreIds: string[],
): Promise<void> {
  const rows: Array<{
    mitre_id: string;
    revoked: boolean | number;
    revoked_by: string | null;
  }> = await db('aegis_attack_techniques')
    .whereIn('mitre_id', mitreIds)
    .select('mitre_id', 'revoked', 'revoked_by');
  const unknown = mitreIds.filter(
    mitreId => !rows.some(row => row.mitre_id === mitreId),
  );
  if (unknown.length) {
    throw new InputError(
      `Invalid body: techniques: no ATT&CK technique ${unknown.join(', ')}`,
    );
  }
  const revoked = rows.filter(row => Boolean(row.revoked));
  if (revoked.length) {
    throw new InputError(
      `Invalid body: techniques: ${revoked
        .map(
          row =>
            `${row.mitre_id} is revoked${
              row.revoked_by ? ` (use ${row.revoked_by})` : ''
            }`,
        )
        .join('; ')}`,
    );
  }
}
