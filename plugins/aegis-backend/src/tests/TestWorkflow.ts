import {
  AegisRole,
  ControlOutcome,
  CreateTestRequest,
  overallOutcome,
  RemediationStatus,
  RemediationStep,
  stateAfterVotes,
  TEST_SECTION_RULES,
  TEST_TRANSITIONS,
  TestAction,
  TestSeverity,
  TestState,
  VoteDecision,
  VoteRequest,
} from '@aegis-security/plugin-aegis-common';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import { AuditStore } from '../audit/AuditStore';
import { StoredTest, TestRepository } from './TestRepository';
import { RoundRow, TestRow, VoteRow } from './rows';
import { checkTechniques } from './techniques';
import { raiseGeneration } from '../lib/DataFingerprint';

/** Who asks for a change. */
export interface Caller {
  /** A user entity ref, or the subject of a service token. */
  ref: string;
  isUser: boolean;
  roles: readonly AegisRole[];
  requestId?: string;
}

/** A change's test before and after, for the response and notifications. */
export interface TestChange {
  before?: StoredTest;
  after: StoredTest;
}

/**
 * A state change asked for in a state it does not start from. The routes
 * answer it with the current state and the caller's allowed actions.
 */
export class WrongStateError extends ConflictError {
  constructor(message: string, readonly state: TestState) {
    super(message);
  }
}

/** Checks catalog entity refs; answers the ones that do not exist. */
export type EntityCheck = (refs: string[]) => Promise<string[]>;

export type GeneralFields = Partial<
  Omit<CreateTestRequest, 'targets' | 'techniques'>
> & { techniques?: string[]; targets?: string[] };

export interface RedFields {
  executedAt?: string | null;
  commands?: string | null;
  result?: string | null;
  notes?: string | null;
}

export interface BlueFields {
  controls?: ControlOutcome[];
  alertSeverity?: TestSeverity | null;
  detectedAt?: string | null;
  detectionReference?: string | null;
  notes?: string | null;
}

export interface RemediationFields {
  status: RemediationStatus;
  owner?: string | null;
  dueDate?: string | null;
  steps?: RemediationStep[];
}

const RED_COLUMNS: Record<keyof RedFields, keyof RoundRow> = {
  executedAt: 'red_executed_at',
  commands: 'red_commands',
  result: 'red_result',
  notes: 'red_notes',
};

const BLUE_COLUMNS: Record<
  Exclude<keyof BlueFields, 'controls'>,
  keyof RoundRow
> = {
  alertSeverity: 'blue_alert_severity',
  detectedAt: 'blue_detected_at',
  detectionReference: 'blue_detection_reference',
  notes: 'blue_notes',
};

/** What red must have recorded before submitting. */
const RED_REQUIRED: Array<keyof RedFields> = [
  'executedAt',
  'commands',
  'result',
];

/**
 * Every change to security tests: the state machine enforced with atomic
 * conditional updates, optimistic versions for field edits, separation of
 * duties for votes, and an audit row written in the same transaction as the
 * change it records.
 */
export class TestWorkflow {
  private readonly repository: TestRepository;

  constructor(
    private readonly options: {
      db: Knex;
      auditStore: AuditStore;
      entitiesMissing: EntityCheck;
      /**
       * Counts red's live evidence files of a round; when given, red must
       * have uploaded at least one before submitting.
       */
      requiredRedEvidence?: (
        testId: string,
        round: number,
        trx: Knex.Transaction,
      ) => Promise<number>;
    },
  ) {
    this.repository = new TestRepository(options.db);
  }

  async create(input: CreateTestRequest, caller: Caller): Promise<TestChange> {
    await this.checkTechniques(input.techniques);
    await this.checkTargets(input.targets ?? []);
    const id = randomUUID();
    const now = new Date().toISOString();

    return this.inTransaction(async trx => {
      await trx('aegis_tests').insert({
        id,
        title: input.title,
        description: input.description ?? '',
        platform: input.platform,
        severity: input.severity,
        procedure: input.procedure ?? '',
        tools: JSON.stringify(input.tools ?? []),
        expected_detection: input.expectedDetection ?? '',
        tags: JSON.stringify(input.tags ?? []),
        template_id: input.templateId ?? null,
        blind: input.blind ?? false,
        state: 'draft',
        round: 1,
        version: 1,
        created_by: caller.ref,
        created_at: now,
        updated_at: now,
      });
      await replaceLinks(trx, id, input.techniques, input.targets ?? []);
      await trx('aegis_test_rounds').insert({ test_id: id, round: 1 });
      const after = await this.repository.get(id, trx);
      await this.audit(trx, caller, 'test.create', id, undefined, {
        ...input,
        state: 'draft',
      });
      return { after: after! };
    });
  }

  /**
   * The general fields, while a draft or rejected; a validated test keeps
   * only its ATT&CK mapping open.
   */
  async updateGeneral(
    id: string,
    version: number,
    fields: GeneralFields,
    caller: Caller,
  ): Promise<TestChange> {
    if (fields.techniques) await this.checkTechniques(fields.techniques);
    if (fields.targets) await this.checkTargets(fields.targets);

    return this.inTransaction(async trx => {
      const before = await this.lock(trx, id, { version });
      const onlyRemapping = Object.keys(fields).every(
        key => key === 'techniques',
      );
      const open = TEST_SECTION_RULES.general.states.includes(before.state);
      if (!open && !(before.state === 'validated' && onlyRemapping)) {
        throw new WrongStateError(
          before.state === 'validated'
            ? `Test ${id} is validated: only its techniques (ATT&CK re-mapping) and remediation may change`
            : `Test ${id} is ${before.state}: its general fields change only while draft or rejected`,
          before.state,
        );
      }

      const { techniques, targets, ...columns } = fields;
      const update: Partial<TestRow> = {};
      if (columns.title !== undefined) update.title = columns.title;
      if (columns.description !== undefined) {
        update.description = columns.description;
      }
      if (columns.platform !== undefined) update.platform = columns.platform;
      if (columns.severity !== undefined) update.severity = columns.severity;
      if (columns.procedure !== undefined) update.procedure = columns.procedure;
      if (columns.tools !== undefined) {
        update.tools = JSON.stringify(columns.tools);
      }
      if (columns.expectedDetection !== undefined) {
        update.expected_detection = columns.expectedDetection;
      }
      if (columns.tags !== undefined)
        update.tags = JSON.stringify(columns.tags);
      if (columns.templateId !== undefined) {
        update.template_id = columns.templateId;
      }
      if (columns.blind !== undefined) update.blind = columns.blind;
      if (Object.keys(update).length) {
        await trx('aegis_tests').where({ id }).update(update);
      }
      if (techniques || targets) {
        await replaceLinks(
          trx,
          id,
          techniques ?? before.techniques,
          targets ?? before.targets,
        );
      }

      const after = (await this.repository.get(id, trx))!;
      await this.audit(
        trx,
        caller,
        'test.update',
        id,
        pick(before, Object.keys(fields)),
        pick(after, Object.keys(fields)),
      );
      return { before, after };
    });
  }

  async updateRed(
    id: string,
    version: number,
    fields: RedFields,
    caller: Caller,
  ): Promise<TestChange> {
    return this.inTransaction(async trx => {
      const before = await this.lock(trx, id, {
        version,
        states: TEST_SECTION_RULES.red.states,
        section: 'red',
      });
      const update: Record<string, unknown> = {
        red_actors: JSON.stringify(addActor(before.current.red.actors, caller)),
      };
      for (const [field, column] of Object.entries(RED_COLUMNS)) {
        const value = fields[field as keyof RedFields];
        if (value !== undefined) update[column] = value;
      }
      await this.updateRound(trx, before, update);

      const after = (await this.repository.get(id, trx))!;
      await this.audit(
        trx,
        caller,
        'test.red.update',
        id,
        pick(before.current.red, Object.keys(fields)),
        pick(after.current.red, Object.keys(fields)),
      );
      return { before, after };
    });
  }

  async updateBlue(
    id: string,
    version: number,
    fields: BlueFields,
    caller: Caller,
  ): Promise<TestChange> {
    return this.inTransaction(async trx => {
      const before = await this.lock(trx, id, {
        version,
        states: TEST_SECTION_RULES.blue.states,
        section: 'blue',
      });
      const update: Record<string, unknown> = {
        blue_actors: JSON.stringify(
          addActor(before.current.blue.actors, caller),
        ),
      };
      if (fields.controls) {
        update.blue_controls = JSON.stringify(fields.controls);
        update.blue_outcome = overallOutcome(fields.controls) ?? null;
      }
      for (const [field, column] of Object.entries(BLUE_COLUMNS)) {
        const value = fields[field as keyof typeof BLUE_COLUMNS];
        if (value !== undefined) update[column] = value;
      }
      await this.updateRound(trx, before, update);

      const after = (await this.repository.get(id, trx))!;
      const changed = [
        ...Object.keys(fields),
        ...(fields.controls ? ['outcome'] : []),
      ];
      await this.audit(
        trx,
        caller,
        'test.blue.update',
        id,
        pick(before.current.blue, changed),
        pick(after.current.blue, changed),
      );
      return { before, after };
    });
  }

  async updateRemediation(
    id: string,
    version: number,
    fields: RemediationFields,
    caller: Caller,
  ): Promise<TestChange> {
    if (fields.owner) {
      const missing = await this.options.entitiesMissing([fields.owner]);
      if (missing.length) {
        throw new InputError(
          `Invalid body: owner: ${fields.owner} is not a user or group in the catalog`,
        );
      }
    }
    return this.inTransaction(async trx => {
      const before = await this.lock(trx, id, { version });
      const previous = before.remediation;
      const remediation = {
        status: fields.status,
        owner:
          fields.owner === undefined
            ? previous?.owner
            : fields.owner ?? undefined,
        dueDate:
          fields.dueDate === undefined
            ? previous?.dueDate
            : fields.dueDate ?? undefined,
        steps: fields.steps ?? previous?.steps ?? [],
        updatedAt: new Date().toISOString(),
        updatedBy: caller.ref,
      };
      await trx('aegis_tests')
        .where({ id })
        .update({
          remediation: JSON.stringify(remediation),
          remediation_status: remediation.status,
          remediation_owner: remediation.owner ?? null,
        });

      const after = (await this.repository.get(id, trx))!;
      await this.audit(
        trx,
        caller,
        'test.remediation.update',
        id,
        previous ?? null,
        remediation,
      );
      return { before, after };
    });
  }

  /** A state change other than a vote. */
  async transition(
    id: string,
    action: Exclude<TestAction, 'validate-red' | 'validate-blue'>,
    caller: Caller,
    comment?: string,
  ): Promise<TestChange> {
    const { from, to } = TEST_TRANSITIONS[action];
    return this.inTransaction(async trx => {
      const before = await this.lock(trx, id, {
        states: [from],
        action,
      });
      await trx('aegis_tests').where({ id }).update({ state: to });
      const now = new Date().toISOString();
      const red = before.current.red;

      if (action === 'start-execution') {
        await this.updateRound(trx, before, {
          red_actors: JSON.stringify(addActor(red.actors, caller)),
        });
      } else if (action === 'submit-red') {
        const missing: string[] = RED_REQUIRED.filter(field => !red[field]);
        const countEvidence = this.options.requiredRedEvidence;
        if (
          countEvidence &&
          (await countEvidence(id, before.round, trx)) === 0
        ) {
          missing.push('red evidence (upload at least one file)');
        }
        if (missing.length) {
          throw new InputError(
            `Cannot submit red: missing ${missing.join(
              ', ',
            )}; record them with PATCH /tests/${id}/red`,
          );
        }
        await this.updateRound(trx, before, {
          red_actors: JSON.stringify(addActor(red.actors, caller)),
          red_submitted_at: now,
          red_submitted_by: caller.ref,
        });
        await trx('aegis_tests')
          .where({ id })
          .whereNull('revealed_at')
          .update({ revealed_at: now });
      } else if (action === 'submit-blue') {
        const blue = before.current.blue;
        if (!blue.controls.length) {
          throw new InputError(
            `Cannot submit blue: missing controls (the outcome per defensive control); record them with PATCH /tests/${id}/blue`,
          );
        }
        await this.updateRound(trx, before, {
          blue_actors: JSON.stringify(addActor(blue.actors, caller)),
          blue_submitted_at: now,
          blue_submitted_by: caller.ref,
        });
      } else if (action === 'reopen') {
        await trx('aegis_tests')
          .where({ id })
          .update({ round: before.round + 1 });
        await trx('aegis_test_rounds').insert({
          test_id: id,
          round: before.round + 1,
        });
      }

      const after = (await this.repository.get(id, trx))!;
      await this.audit(
        trx,
        caller,
        `test.${action}`,
        id,
        { state: before.state, round: before.round },
        {
          state: after.state,
          round: after.round,
          ...(comment ? { comment } : {}),
        },
      );
      return { before, after };
    });
  }

  /**
   * One lead's vote on one side. The test row is locked first, so that of two
   * votes cast at the same instant the second sees the first and decides.
   */
  async vote(
    id: string,
    side: 'red' | 'blue',
    request: VoteRequest,
    caller: Caller,
  ): Promise<TestChange> {
    if (!caller.isUser) {
      throw new NotAllowedError(
        'A vote is a sign-off by a person: it needs a user token, not a service token',
      );
    }
    const action: TestAction =
      side === 'red' ? 'validate-red' : 'validate-blue';
    const leadRole: AegisRole = side === 'red' ? 'red_lead' : 'blue_lead';
    const override = !caller.roles.includes(leadRole);
    if (override && !request.overrideReason?.trim()) {
      throw new InputError(
        `Invalid body: overrideReason: required when voting in place of the ${side} lead`,
      );
    }

    return this.inTransaction(async trx => {
      const before = await this.lock(trx, id, {
        states: ['in_review'],
        action,
      });
      this.checkSeparationOfDuties(before, side, caller);

      const previous = before.current.votes[side];
      const now = new Date().toISOString();
      await trx<VoteRow>('aegis_test_votes')
        .insert({
          test_id: id,
          round: before.round,
          side,
          decision: request.decision,
          comment: request.comment,
          voter: caller.ref,
          voted_at: now,
          override_reason: override ? request.overrideReason!.trim() : null,
        })
        .onConflict(['test_id', 'round', 'side'])
        .merge();

      const votes: { red?: VoteDecision; blue?: VoteDecision } = {
        red: before.current.votes.red?.decision,
        blue: before.current.votes.blue?.decision,
        [side]: request.decision,
      };
      const next = stateAfterVotes(votes);
      if (next !== before.state) {
        await trx('aegis_tests')
          .where({ id })
          .update({
            state: next,
            validated_at: next === 'validated' ? now : null,
          });
      }

      const after = (await this.repository.get(id, trx))!;
      await this.audit(
        trx,
        caller,
        `test.${action}`,
        id,
        { state: before.state, vote: previous ?? null },
        { state: after.state, vote: after.current.votes[side] },
      );
      return { before, after };
    });
  }

  private checkSeparationOfDuties(
    test: StoredTest,
    side: 'red' | 'blue',
    caller: Caller,
  ): void {
    const me = caller.ref;
    if (test.createdBy === me) {
      throw new NotAllowedError(
        `Separation of duties: ${me} created test ${test.id} and may not validate it`,
      );
    }
    const { red, blue, votes } = test.current;
    if (red.actors.includes(me) || blue.actors.includes(me)) {
      throw new NotAllowedError(
        `Separation of duties: ${me} executed or evaluated round ${test.round} of test ${test.id} and may not validate it`,
      );
    }
    const other = votes[side === 'red' ? 'blue' : 'red'];
    if (other?.voter === me) {
      throw new NotAllowedError(
        `Separation of duties: ${me} already voted on the ${other.side} side; the two votes must come from two different people`,
      );
    }
  }

  /**
   * Claims the test for a change with one conditional update: it matches only
   * in an allowed state and, for field edits, at the version the caller
   * read. Bumps the version; answers the test as it stands.
   */
  private async lock(
    trx: Knex.Transaction,
    id: string,
    options: {
      states?: readonly TestState[];
      version?: number;
      action?: TestAction;
      section?: 'red' | 'blue';
    },
  ): Promise<StoredTest> {
    const query = trx('aegis_tests').where({ id });
    if (options.states) query.whereIn('state', options.states);
    if (options.version !== undefined) query.where('version', options.version);
    const changed = await query.update({
      version: trx.raw('version + 1'),
      updated_at: new Date().toISOString(),
    });
    if (changed === 1) {
      // Read under the row lock the update took: concurrent changes to this
      // test wait until this transaction ends.
      return (await this.repository.get(id, trx))!;
    }

    const current: TestRow | undefined = await trx('aegis_tests')
      .where({ id })
      .first();
    if (!current) {
      throw new NotFoundError(`No test ${id}`);
    }
    if (options.states && !options.states.includes(current.state)) {
      const what = options.action
        ? `${options.action} starts only from ${options.states.join(' or ')}`
        : `the ${
            options.section
          } fields change only while ${options.states.join(' or ')}`;
      throw new WrongStateError(
        `Test ${id} is ${current.state}: ${what}`,
        current.state,
      );
    }
    throw new ConflictError(
      `Test ${id} changed since version ${options.version}: it is at version ${current.version}; reload it and apply your change again`,
    );
  }

  private async updateRound(
    trx: Knex.Transaction,
    test: StoredTest,
    update: Record<string, unknown>,
  ): Promise<void> {
    await trx('aegis_test_rounds')
      .where({ test_id: test.id, round: test.round })
      .update(update);
  }

  private checkTechniques(mitreIds: string[]): Promise<void> {
    return checkTechniques(this.options.db, mitreIds);
  }

  private async checkTargets(refs: string[]): Promise<void> {
    if (!refs.length) return;
    const missing = await this.options.entitiesMissing(refs);
    if (missing.length) {
      throw new InputError(
        `Invalid body: targets: not in the catalog: ${missing.join(', ')}`,
      );
    }
  }

  private async audit(
    trx: Knex.Transaction,
    caller: Caller,
    action: string,
    id: string,
    before: unknown,
    after: unknown,
  ): Promise<void> {
    await this.options.auditStore.append(
      {
        actor: caller.ref,
        action,
        entityType: 'test',
        entityId: id,
        before,
        after,
        requestId: caller.requestId,
      },
      trx,
    );
  }

  /**
   * Runs a change in a transaction that ends by raising the tests'
   * generation: cached metrics and reports are computed again from then on.
   * It comes last so that its row lock is held only until the commit.
   */
  private inTransaction<T>(
    change: (trx: Knex.Transaction) => Promise<T>,
  ): Promise<T> {
    return this.options.db.transaction(async trx => {
      const result = await change(trx);
      await raiseGeneration(trx, 'tests');
      return result;
    });
  }
}

async function replaceLinks(
  trx: Knex.Transaction,
  id: string,
  techniques: string[],
  targets: string[],
): Promise<void> {
  await trx('aegis_test_techniques').where({ test_id: id }).delete();
  await trx('aegis_test_targets').where({ test_id: id }).delete();
  if (techniques.length) {
    // A technique MITRE already deprecated is flagged from the start.
    const deprecated: string[] = await trx('aegis_attack_techniques')
      .whereIn('mitre_id', techniques)
      .where('deprecated', true)
      .pluck('mitre_id');
    await trx('aegis_test_techniques').insert(
      [...new Set(techniques)].map(mitre_id => ({
        test_id: id,
        mitre_id,
        remap_reason: deprecated.includes(mitre_id) ? 'deprecated' : null,
      })),
    );
  }
  if (targets.length) {
    await trx('aegis_test_targets').insert(
      [...new Set(targets)].map(entity_ref => ({ test_id: id, entity_ref })),
    );
  }
}

function addActor(actors: string[], caller: Caller): string[] {
  return actors.includes(caller.ref) ? actors : [...actors, caller.ref];
}

function pick(source: object, keys: string[]): Record<string, unknown> {
  const values = source as Record<string, unknown>;
  return Object.fromEntries(keys.map(key => [key, values[key] ?? null]));
}
