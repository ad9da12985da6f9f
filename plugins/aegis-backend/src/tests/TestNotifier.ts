import { AegisRole } from '@aegis-security/plugin-aegis-common';
import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { UserAdministration } from '../roles/UserAdministration';
import { TestChange } from './TestWorkflow';

const TOPIC = 'Aegis security tests';

/** Where a change's notification goes and what it says. */
interface Message {
  recipients: string[];
  title: string;
  description: string;
  /** Repeated updates of one kind on one test replace each other. */
  kind: string;
  severity?: 'high' | 'normal' | 'low';
}

/**
 * Tells the people the workflow waits on, through the portal's
 * notifications: red submits, blue techs; blue submits, both leads; a vote
 * or final state, the creator and everyone who worked on the test; a reopen,
 * the creator; a remediation owner, when assigned. The person who acted is
 * never notified of their own change.
 */
export class TestNotifier {
  constructor(
    private readonly options: {
      notifications: NotificationService;
      users: UserAdministration;
      logger: LoggerService;
    },
  ) {}

  async changed(action: string, change: TestChange, actor: string) {
    const message = await this.messageFor(action, change);
    if (!message || !message.recipients.length) {
      return;
    }
    const test = change.after;
    try {
      await this.options.notifications.send({
        recipients: {
          type: 'entity',
          entityRef: [...new Set(message.recipients)],
          excludeEntityRef: actor,
        },
        payload: {
          title: message.title,
          description: message.description,
          link: `/aegis/tests/${encodeURIComponent(test.id)}`,
          severity: message.severity ?? 'normal',
          topic: TOPIC,
          scope: `aegis:test:${test.id}:${message.kind}`,
        },
      });
    } catch (error) {
      // The change is committed; a notification outage must not undo it.
      this.options.logger.warn(
        `Could not send the notification of ${action} on test ${test.id}`,
        error as Error,
      );
    }
  }

  /** Tells both leads which tests a sync's retired techniques touched. */
  async testsNeedRemapping(domain: string, testIds: string[]) {
    const recipients = await this.leads();
    if (!recipients.length || !testIds.length) return;
    try {
      await this.options.notifications.send({
        recipients: { type: 'entity', entityRef: [...new Set(recipients)] },
        payload: {
          title: `${testIds.length} test${
            testIds.length === 1 ? '' : 's'
          } to re-map after the ATT&CK sync`,
          description: `MITRE revoked or deprecated techniques of ${domain} that these tests are mapped to; each test page names the replacement.`,
          link: '/aegis/tests?needs_remap=true',
          severity: 'high',
          topic: TOPIC,
          scope: `aegis:remap:${domain}`,
        },
      });
    } catch (error) {
      this.options.logger.warn(
        'Could not send the re-mapping notice',
        error as Error,
      );
    }
  }

  /** Tells both leads that a stored evidence file no longer matches. */
  async evidenceTampered(evidence: {
    id: string;
    testId: string;
    team: string;
    filename: string;
  }) {
    const recipients = await this.leads();
    if (!recipients.length) return;
    try {
      await this.options.notifications.send({
        recipients: { type: 'entity', entityRef: [...new Set(recipients)] },
        payload: {
          title: `Evidence failed its integrity check: ${evidence.filename}`,
          description: `The stored ${evidence.team} file no longer matches the SHA-256 recorded at upload.`,
          link: `/aegis/tests/${encodeURIComponent(evidence.testId)}`,
          severity: 'critical',
          topic: TOPIC,
          scope: `aegis:evidence:${evidence.id}:integrity`,
        },
      });
    } catch (error) {
      this.options.logger.warn(
        `Could not send the integrity alert of evidence ${evidence.id}`,
        error as Error,
      );
    }
  }

  private async messageFor(
    action: string,
    { before, after: test }: TestChange,
  ): Promise<Message | undefined> {
    const title = `“${test.title}”`;
    const workers = [
      test.createdBy,
      ...test.current.red.actors,
      ...test.current.blue.actors,
    ];
    switch (action) {
      case 'submit-red':
        return {
          recipients: await this.holders('blue_tech'),
          title: `Blue team: evaluate ${title}`,
          description: `Red submitted round ${test.round}; record what your controls saw.`,
          kind: 'waiting',
        };
      case 'submit-blue':
        return {
          recipients: await this.leads(),
          title: `Review ${title}`,
          description: `Red and blue work of round ${test.round} is ready for both leads' votes.`,
          kind: 'waiting',
        };
      case 'validate-red':
      case 'validate-blue': {
        const side = action === 'validate-red' ? 'red' : 'blue';
        const vote = test.current.votes[side];
        const final = test.state !== 'in_review';
        return {
          recipients: workers,
          title: final
            ? `${title} is ${test.state}`
            : `${side === 'red' ? 'Red' : 'Blue'} lead voted ${
                vote?.decision
              } on ${title}`,
          description: vote
            ? `${vote.voter}${vote.override ? ' (admin override)' : ''}: ${
                vote.comment
              }`
            : '',
          kind: final ? 'outcome' : `vote-${side}`,
          severity: test.state === 'rejected' ? 'high' : 'normal',
        };
      }
      case 'reopen':
        return {
          recipients: [test.createdBy],
          title: `${title} was reopened`,
          description: `Round ${test.round} starts as a draft.`,
          kind: 'outcome',
        };
      case 'remediation': {
        const owner = test.remediation?.owner;
        if (!owner || owner === before?.remediation?.owner) {
          return undefined;
        }
        return {
          recipients: [owner],
          title: `Remediation of ${title} is yours`,
          description: test.remediation?.dueDate
            ? `Due ${test.remediation.dueDate}.`
            : 'No due date set.',
          kind: 'remediation',
        };
      }
      default:
        return undefined;
    }
  }

  /** Everyone who holds the red or the blue lead role. */
  private async leads(): Promise<string[]> {
    return [
      ...(await this.holders('red_lead')),
      ...(await this.holders('blue_lead')),
    ];
  }

  private async holders(role: AegisRole): Promise<string[]> {
    const page = await this.options.users.list({
      role,
      limit: Number.MAX_SAFE_INTEGER,
      offset: 0,
    });
    return page.items
      .filter(user => user.active)
      .map(user => user.userEntityRef);
  }
}
