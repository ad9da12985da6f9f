import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import { Knex } from 'knex';
import { AuditStore } from '../audit/AuditStore';
import { AttackDomain } from './stix/model';
import { raiseGeneration } from '../lib/DataFingerprint';

const TECHNIQUES = 'aegis_attack_techniques';

/**
 * Custom techniques live beside MITRE's with ids MITRE never uses: `X`
 * followed by four digits (MITRE's are `T`, and ICS's `T0…`).
 */
export const CUSTOM_ID = /^X\d{4}$/;

export interface CustomTechniqueInput {
  name: string;
  description?: string;
  domain: AttackDomain;
  platforms: string[];
  tactics: string[];
}

export interface TechniquePatch {
  name?: string;
  description?: string;
  platforms?: string[];
  tactics?: string[];
  reviewRequired?: boolean;
  reviewNote?: string | null;
}

export interface TechniqueActor {
  ref: string;
  requestId?: string;
}

/**
 * Techniques of Aegis users: custom ones for in-house procedures, which no
 * sync ever touches, and the review flag of any technique. MITRE's own
 * fields change only through the sync.
 */
export class CustomTechniques {
  constructor(
    private readonly db: Knex,
    private readonly auditStore: AuditStore,
  ) {}

  async create(
    input: CustomTechniqueInput,
    actor: TechniqueActor,
  ): Promise<string> {
    await this.checkTactics(input.domain, input.tactics);
    // Two admins creating at once may pick the same number: try the next.
    for (let attempt = 0; attempt < 5; attempt++) {
      const mitreId = await this.nextId();
      try {
        await this.db.transaction(async trx => {
          await trx(TECHNIQUES).insert({
            mitre_id: mitreId,
            domain: input.domain,
            name: input.name,
            description: input.description ?? null,
            platforms: JSON.stringify(input.platforms),
            tactics: JSON.stringify(input.tactics),
            custom: true,
            modified: new Date().toISOString(),
          });
          await replaceLinks(trx, mitreId, input.platforms, input.tactics);
          await raiseGeneration(trx, 'knowledge_base');
          await this.audit(
            trx,
            actor,
            'technique.create',
            mitreId,
            undefined,
            input,
          );
        });
        return mitreId;
      } catch (error) {
        if (!(await this.db(TECHNIQUES).where({ mitre_id: mitreId }).first())) {
          throw error;
        }
      }
    }
    throw new ConflictError(
      'Could not allocate a custom technique id; try again',
    );
  }

  async update(
    mitreId: string,
    patch: TechniquePatch,
    actor: TechniqueActor,
  ): Promise<void> {
    const current = await this.db(TECHNIQUES)
      .where({ mitre_id: mitreId })
      .first();
    if (!current) {
      throw new NotFoundError(`No technique ${mitreId}`);
    }
    const mitreFields = (
      ['name', 'description', 'platforms', 'tactics'] as const
    ).filter(field => patch[field] !== undefined);
    if (!current.custom && mitreFields.length) {
      throw new ConflictError(
        `${mitreId} is MITRE's: ${mitreFields.join(
          ', ',
        )} change only through the ATT&CK sync; its review flag may change`,
      );
    }
    if (patch.tactics) await this.checkTactics(current.domain, patch.tactics);

    await this.db.transaction(async trx => {
      const update: Record<string, unknown> = {};
      if (patch.name !== undefined) update.name = patch.name;
      if (patch.description !== undefined)
        update.description = patch.description;
      if (patch.platforms) update.platforms = JSON.stringify(patch.platforms);
      if (patch.tactics) update.tactics = JSON.stringify(patch.tactics);
      if (patch.reviewRequired !== undefined) {
        update.review_required = patch.reviewRequired;
      }
      if (patch.reviewNote !== undefined) update.review_note = patch.reviewNote;
      if (Object.keys(update).length) {
        await trx(TECHNIQUES).where({ mitre_id: mitreId }).update(update);
      }
      if (patch.platforms || patch.tactics) {
        await replaceLinks(
          trx,
          mitreId,
          patch.platforms ?? JSON.parse(current.platforms),
          patch.tactics ?? JSON.parse(current.tactics),
        );
      }
      await raiseGeneration(trx, 'knowledge_base');
      await this.audit(
        trx,
        actor,
        'technique.update',
        mitreId,
        Object.fromEntries(
          Object.keys(patch).map(key => [key, currentValue(current, key)]),
        ),
        patch,
      );
    });
  }

  /** A lead's review: clears the review flag, with a note. */
  async review(mitreId: string, note: string, actor: TechniqueActor) {
    await this.db.transaction(async trx => {
      const current = await trx(TECHNIQUES)
        .where({ mitre_id: mitreId })
        .first();
      if (!current) {
        throw new NotFoundError(`No technique ${mitreId}`);
      }
      await trx(TECHNIQUES)
        .where({ mitre_id: mitreId })
        .update({ review_required: false, review_note: note });
      await raiseGeneration(trx, 'knowledge_base');
      await this.audit(
        trx,
        actor,
        'technique.review',
        mitreId,
        {
          reviewRequired: Boolean(current.review_required),
          reviewNote: current.review_note,
        },
        { reviewRequired: false, reviewNote: note },
      );
    });
  }

  private async nextId(): Promise<string> {
    const ids: string[] = await this.db(TECHNIQUES)
      .where('custom', true)
      .where('mitre_id', 'like', 'X%')
      .pluck('mitre_id');
    const highest = ids
      .filter(id => CUSTOM_ID.test(id))
      .reduce((max, id) => Math.max(max, Number(id.slice(1))), 0);
    return `X${String(highest + 1).padStart(4, '0')}`;
  }

  private async checkTactics(domain: string, tactics: string[]) {
    const known: string[] = await this.db('aegis_attack_tactics')
      .where({ domain })
      .whereIn('shortname', tactics)
      .pluck('shortname');
    const unknown = tactics.filter(tactic => !known.includes(tactic));
    if (unknown.length) {
      throw new InputError(
        `Invalid body: tactics: no ${domain} tactic ${unknown.join(
          ', ',
        )} (use the tactics' shortnames, such as execution)`,
      );
    }
  }

  private async audit(
    trx: Knex.Transaction,
    actor: TechniqueActor,
    action: string,
    mitreId: string,
    before: unknown,
    after: unknown,
  ) {
    await this.auditStore.append(
      {
        actor: actor.ref,
        action,
        entityType: 'technique',
        entityId: mitreId,
        before,
        after,
        requestId: actor.requestId,
      },
      trx,
    );
  }
}

async function replaceLinks(
  trx: Knex.Transaction,
  mitreId: string,
  platforms: string[],
  tactics: string[],
) {
  await trx('aegis_attack_technique_platforms')
    .where({ mitre_id: mitreId })
    .delete();
  await trx('aegis_attack_technique_tactics')
    .where({ mitre_id: mitreId })
    .delete();
  if (platforms.length) {
    await trx('aegis_attack_technique_platforms').insert(
      [...new Set(platforms)].map(platform => ({
        mitre_id: mitreId,
        platform,
      })),
    );
  }
  if (tactics.length) {
    await trx('aegis_attack_technique_tactics').insert(
      [...new Set(tactics)].map(tactic => ({ mitre_id: mitreId, tactic })),
    );
  }
}

function currentValue(row: Record<string, unknown>, key: string): unknown {
  switch (key) {
    case 'platforms':
    case 'tactics':
      return JSON.parse(String(row[key]));
    case 'reviewRequired':
      return Boolean(row.review_required);
    case 'reviewNote':
      return row.review_note ?? null;
    default:
      return row[key] ?? null;
  }
}
