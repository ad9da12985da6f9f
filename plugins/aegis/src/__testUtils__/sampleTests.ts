import type {
  SecurityTest,
  SecurityTestSummary,
  TestRound,
} from '@aegis-security/plugin-aegis-common';

function emptyRound(round: number): TestRound {
  return {
    round,
    red: { actors: [] },
    blue: { controls: [], actors: [] },
    votes: {},
  };
}

/** A security test in draft, with every field the fake backend needs. */
export function sampleTest(fields: Partial<SecurityTest> = {}): SecurityTest {
  return {
    id: 'test-draft',
    title: 'Phishing with a macro attachment',
    state: 'draft',
    round: 1,
    version: 3,
    severity: 'high',
    platform: 'Windows',
    techniques: ['T1566.001'],
    targets: ['component:default/mail-gateway'],
    tags: ['email'],
    blind: false,
    createdBy: 'user:default/rita.red',
    createdAt: '2026-03-01T09:00:00Z',
    updatedAt: '2026-03-02T09:00:00Z',
    pendingValidation: [],
    description: 'Send a document with a macro to a test mailbox.',
    procedure: 'Craft the document, send it, open it.',
    tools: ['swaks'],
    expectedDetection: 'The mail gateway quarantines the attachment.',
    current: emptyRound(1),
    history: [],
    remap: [],
    allowedActions: [],
    editableSections: [],
    ...fields,
  };
}

/** A test in review whose red lead approved; the blue lead has not voted. */
const inReview = sampleTest({
  id: 'test-review',
  title: 'Scheduled task persistence',
  state: 'in_review',
  round: 2,
  severity: 'medium',
  platform: 'Linux',
  techniques: ['T1053'],
  targets: ['component:default/build-agents'],
  createdBy: 'user:default/bo.blue',
  pendingValidation: ['blue'],
  current: {
    round: 2,
    red: {
      executedAt: '2026-03-03T10:00:00Z',
      commands: 'crontab -l',
      result: 'A cron entry was added.',
      actors: ['user:default/rita.red'],
      submittedAt: '2026-03-03T10:30:00Z',
      submittedBy: 'user:default/rita.red',
    },
    blue: {
      controls: [
        { control: 'EDR', result: 'alerted' },
        { control: 'SIEM', result: 'logged' },
      ],
      outcome: 'alerted',
      detectedAt: '2026-03-03T10:05:00Z',
      timeToDetectSeconds: 300,
      actors: ['user:default/bo.blue'],
      submittedAt: '2026-03-03T11:00:00Z',
      submittedBy: 'user:default/bo.blue',
    },
    votes: {
      red: {
        side: 'red',
        decision: 'approve',
        comment: 'Executed as planned',
        voter: 'user:default/rita.red',
        votedAt: '2026-03-04T09:00:00Z',
        override: false,
      },
    },
  },
  history: [
    {
      ...emptyRound(1),
      red: { actors: [], commands: 'at 10:00 /tmp/x', result: 'Failed' },
    },
  ],
});

/** A validated test with a remediation under way. */
const validated = sampleTest({
  id: 'test-validated',
  title: 'PowerShell download cradle',
  state: 'validated',
  severity: 'critical',
  techniques: ['T1059'],
  remediation: {
    status: 'in_progress',
    owner: 'group:default/blue-team',
    dueDate: '2026-04-01',
    steps: [
      { title: 'Enable script block logging', status: 'done' },
      { title: 'Alert on download cradles', status: 'open' },
    ],
    updatedAt: '2026-03-05T09:00:00Z',
    updatedBy: 'user:default/bo.blue',
  },
});

/** One test in draft, one in review with a red vote, one validated. */
export const sampleTests: SecurityTest[] = [sampleTest(), inReview, validated];

/** The listed form of a test. */
export function summaryOf(test: SecurityTest): SecurityTestSummary {
  const {
    description,
    procedure,
    tools,
    expectedDetection,
    templateId,
    current,
    history,
    remediation,
    allowedActions,
    editableSections,
    ...summary
  } = test;
  return summary;
}
