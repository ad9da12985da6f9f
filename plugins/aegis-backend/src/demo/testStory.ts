import {
  CONTROL_RESULTS,
  ControlOutcome,
  ControlResult,
  RemediationStatus,
  TEST_SEVERITIES,
  TestState,
} from '@aegis-security/plugin-aegis-common';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { EvidenceService } from '../evidence/EvidenceService';
import { Caller, TestWorkflow } from '../tests/TestWorkflow';
import { StoredTest } from '../tests/TestRepository';
import { DemoClock } from './demoClock';
import {
  DEMO_CONTROLS,
  DEMO_OWNER_GROUPS,
  DEMO_PEOPLE,
  DEMO_PLATFORMS,
  DEMO_REMEDIATION_STEPS,
  DEMO_TAGS,
  DEMO_TARGETS,
  DEMO_TOOLS,
} from './demoOrganisation';
import { SeededRandom } from './random';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How far back the demo history reaches: 18 months. */
export const HISTORY_MS = 548 * DAY;

/** The latest a story starts, so that most end before the present. */
export const LATEST_START_MS = 10 * DAY;

/** Where the demo's tests end up, in proportion. */
const FINAL_STATES: Record<TestState, number> = {
  draft: 8,
  red_executing: 9,
  blue_evaluating: 9,
  in_review: 12,
  validated: 47,
  rejected: 15,
};

const OUTCOMES: Record<ControlResult, number> = {
  blocked: 30,
  alerted: 35,
  logged: 17,
  not_detected: 18,
};

/** A technique of the synced knowledge base a test may exercise. */
export interface DemoTechnique {
  mitreId: string;
  name: string;
  platforms: string[];
  subtechnique: boolean;
}

/** What the seeder's stories share. */
export interface StoryContext {
  workflow: TestWorkflow;
  evidence: EvidenceService;
  techniques: DemoTechnique[];
  subtechniques: DemoTechnique[];
  /** The real present; stories start up to 18 months before it. */
  now: number;
}

/** A test's story, decided up front from its own random generator. */
interface Plan {
  final: TestState;
  outcome: ControlResult;
  /** Rejected once and reopened before reaching its final state. */
  reopened: boolean;
  creator: Caller;
  redTech: Caller;
  blueTech: Caller;
  redLead: Caller;
  blueLead: Caller;
}

function planOf(random: SeededRandom): Plan {
  const final = random.weighted(FINAL_STATES);
  const creator = random.chance(0.7)
    ? random.pick(DEMO_PEOPLE.redTechs)
    : random.pick(DEMO_PEOPLE.redLeads);
  return {
    final,
    outcome: random.weighted(OUTCOMES),
    reopened:
      (final === 'validated' || final === 'rejected') && random.chance(0.2),
    creator,
    redTech: random.pick(DEMO_PEOPLE.redTechs),
    blueTech: random.pick(DEMO_PEOPLE.blueTechs),
    // Separation of duties: the creator of a test never votes on it.
    redLead: random.pick(
      DEMO_PEOPLE.redLeads.filter(lead => lead.ref !== creator.ref),
    ),
    blueLead: random.pick(DEMO_PEOPLE.blueLeads),
  };
}

/**
 * Tells one test's story through the workflow and the evidence service, as
 * the API would on the requests of the people in the plan, with the clock
 * moving on between steps.
 */
export class TestStory {
  private test!: StoredTest;

  constructor(
    private readonly context: StoryContext,
    private readonly random: SeededRandom,
    private readonly clock: DemoClock,
  ) {}

  async tell(): Promise<TestState> {
    const plan = planOf(this.random);
    await this.create(plan);
    if (plan.final === 'draft') {
      if (this.random.chance(0.4)) await this.recordRed(plan, 1);
      return this.test.state;
    }

    if (plan.reopened) {
      await this.runRound(plan, 'not_detected');
      this.step(HOUR, 3 * DAY);
      await this.vote(plan.redLead, 'red', 'approve');
      this.step(10 * MINUTE, DAY);
      await this.vote(plan.blueLead, 'blue', 'reject');
      await this.remediate(plan, 'open');
      this.step(DAY, 14 * DAY);
      this.test = (
        await this.context.workflow.transition(
          this.test.id,
          'reopen',
          plan.redLead,
          'Retest once the detection is deployed',
        )
      ).after;
    }
    await this.runRound(plan, plan.outcome);
    if (['red_executing', 'blue_evaluating'].includes(plan.final)) {
      return this.test.state;
    }

    await this.decide(plan);
    if (plan.outcome === 'logged' || plan.outcome === 'not_detected') {
      await this.remediate(plan, 'open');
      if (this.random.chance(0.6)) await this.remediate(plan, 'in_progress');
      if (plan.final === 'validated' && this.random.chance(0.5)) {
        await this.remediate(plan, 'done');
      }
    }
    return this.test.state;
  }

  private async create(plan: Plan) {
    const { random } = this;
    const technique = random.pick(this.context.techniques);
    const techniques = [technique.mitreId];
    if (this.context.subtechniques.length && random.chance(0.5)) {
      techniques.push(random.pick(this.context.subtechniques).mitreId);
    }
    const platform = random.pick(
      technique.platforms.length ? technique.platforms : DEMO_PLATFORMS,
    );
    const targets = random.sample(DEMO_TARGETS, random.int(1, 2));
    const change = await this.context.workflow.create(
      {
        title: `${technique.name} on ${platform} (${technique.mitreId})`,
        description: `Emulates ${technique.name} against ${targets.join(
          ', ',
        )} to check that it is detected or blocked.`,
        techniques,
        platform,
        targets,
        severity: random.pick(TEST_SEVERITIES),
        procedure: `1. Prepare a ${platform} host in scope.\n2. Run the ${technique.mitreId} procedure.\n3. Clean up.`,
        tools: random.sample(DEMO_TOOLS, random.int(1, 2)),
        expectedDetection: `An alert naming ${technique.mitreId} within 15 minutes`,
        tags: random.sample(DEMO_TAGS, random.int(0, 2)),
        blind: random.chance(0.12),
      },
      plan.creator,
    );
    this.test = change.after;
  }

  /** Red's and, unless the plan stops before, blue's work of one round. */
  private async runRound(plan: Plan, outcome: ControlResult) {
    const { workflow } = this.context;
    this.step(HOUR, 7 * DAY);
    await this.transition('start-execution', plan.redTech);
    await this.recordRed(plan, this.random.int(1, 3));
    if (plan.final === 'red_executing') return;

    this.step(10 * MINUTE, 2 * HOUR);
    await this.transition('submit-red', plan.redTech);
    if (plan.final === 'blue_evaluating' && this.random.chance(0.4)) return;

    this.step(HOUR, 3 * DAY);
    const executedAt = this.test.current.red.executedAt!;
    const detected = outcome !== 'not_detected';
    this.test = (
      await workflow.updateBlue(
        this.test.id,
        this.test.version,
        {
          controls: this.controls(outcome),
          alertSeverity: detected ? this.random.pick(TEST_SEVERITIES) : null,
          detectedAt: detected
            ? new Date(
                Date.parse(executedAt) +
                  this.random.int(20, outcome === 'logged' ? 86_400 : 3_600) *
                    1000,
              ).toISOString()
            : null,
          detectionReference: detected
            ? `SIEM-${this.random.int(10_000, 99_999)}`
            : null,
          notes: detected ? 'Seen in the SOC queue' : 'Nothing fired',
        },
        plan.blueTech,
      )
    ).after;
    await this.upload('blue', plan.blueTech, this.random.int(0, 2));
    if (plan.final === 'blue_evaluating') return;

    this.step(30 * MINUTE, DAY);
    await this.transition('submit-blue', plan.blueTech);
  }

  private async recordRed(plan: Plan, files: number) {
    const { workflow } = this.context;
    const red = plan.final === 'draft' ? plan.creator : plan.redTech;
    this.step(MINUTE, HOUR);
    this.test = (
      await workflow.updateRed(
        this.test.id,
        this.test.version,
        { commands: `invoke-atomic ${this.test.techniques[0]} -TestNumbers 1` },
        red,
      )
    ).after;
    this.step(5 * MINUTE, HOUR);
    this.test = (
      await workflow.updateRed(
        this.test.id,
        this.test.version,
        {
          executedAt: new Date(this.clock.now).toISOString(),
          result: 'Procedure ran to completion; artefacts collected',
          notes: this.random.chance(0.3) ? 'Needed local admin' : null,
        },
        red,
      )
    ).after;
    await this.upload('red', red, files);
  }

  /** Both leads' votes, in random order, as the plan's final state needs. */
  private async decide(plan: Plan) {
    this.step(HOUR, 5 * DAY);
    const reject = plan.final === 'rejected';
    const votes: Array<[Caller, 'red' | 'blue']> = [
      [plan.redLead, 'red'],
      [plan.blueLead, 'blue'],
    ];
    if (this.random.chance(0.5)) votes.reverse();
    const [first, second] = votes;

    if (plan.final === 'in_review') {
      if (this.random.chance(0.5)) await this.vote(...first, 'approve');
      return;
    }
    // Of a rejected test, sometimes the first lead already rejects.
    await this.vote(
      ...first,
      reject && this.random.chance(0.3) ? 'reject' : 'approve',
    );
    if (this.test.state !== 'in_review') return;
    this.step(10 * MINUTE, 2 * DAY);
    await this.vote(...second, reject ? 'reject' : 'approve');
  }

  private async vote(
    lead: Caller,
    side: 'red' | 'blue',
    decision: 'approve' | 'reject',
  ) {
    this.test = (
      await this.context.workflow.vote(
        this.test.id,
        side,
        {
          decision,
          comment:
            decision === 'approve'
              ? 'Evidence and outcome check out'
              : 'The detection did not fire as expected',
        },
        lead,
      )
    ).after;
  }

  private async remediate(plan: Plan, status: RemediationStatus) {
    this.step(HOUR, 10 * DAY);
    const previous = this.test.remediation?.steps;
    const steps =
      previous ??
      this.random
        .sample(DEMO_REMEDIATION_STEPS, this.random.int(1, 3))
        .map(title => ({ title, status: 'open' as RemediationStatus }));
    const due = new Date(this.clock.now + this.random.int(7, 60) * DAY);
    this.test = (
      await this.context.workflow.updateRemediation(
        this.test.id,
        this.test.version,
        {
          status,
          owner: previous ? undefined : this.random.pick(DEMO_OWNER_GROUPS),
          dueDate: previous ? undefined : due.toISOString().slice(0, 10),
          steps: steps.map((step, index) => ({
            ...step,
            status:
              status === 'done' || (status === 'in_progress' && index === 0)
                ? 'done'
                : step.status,
          })),
        },
        this.random.chance(0.5) ? plan.blueLead : plan.blueTech,
      )
    ).after;
  }

  private async transition(
    action: 'start-execution' | 'submit-red' | 'submit-blue',
    caller: Caller,
  ) {
    this.test = (
      await this.context.workflow.transition(this.test.id, action, caller)
    ).after;
  }

  /** Small text files, each a different content, through the upload path. */
  private async upload(team: 'red' | 'blue', caller: Caller, files: number) {
    for (let index = 1; index <= files; index++) {
      this.step(MINUTE, 30 * MINUTE);
      const content = Buffer.from(
        `${team} evidence ${index} of round ${this.test.round} of ${
          this.test.title
        }\nrecorded by ${caller.ref}\n${this.random.next()}\n`,
      );
      await this.context.evidence.upload(
        this.test,
        team,
        {
          stream: Readable.from([content]),
          filename: `${team}-${index}.${index === 1 ? 'log' : 'txt'}`,
          declaredType: 'text/plain',
          description:
            team === 'red' ? 'Console output' : 'Alert and log excerpt',
          expectedSha256: createHash('sha256').update(content).digest('hex'),
        },
        caller,
      );
    }
  }

  /** One control reaches the outcome; the others do no better. */
  private controls(outcome: ControlResult): ControlOutcome[] {
    const rank = CONTROL_RESULTS.indexOf(outcome);
    return this.random
      .sample(DEMO_CONTROLS, this.random.int(1, 3))
      .map((control, index) => ({
        control,
        result:
          index === 0
            ? outcome
            : CONTROL_RESULTS[
                this.random.int(rank, CONTROL_RESULTS.length - 1)
              ],
      }));
  }

  private step(minMs: number, maxMs: number) {
    this.clock.advance(this.random.int(minMs, maxMs));
  }
}
