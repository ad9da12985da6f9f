import type {
  ListTemplatesQuery,
  TemplateStats,
  TestTemplate,
} from '@aegis-security/plugin-aegis-common';

function template(
  fields: Partial<TestTemplate> & Pick<TestTemplate, 'id' | 'name'>,
): TestTemplate {
  return {
    description: '',
    techniques: ['T1059'],
    platform: 'Windows',
    severity: 'medium',
    procedure: '',
    tools: [],
    expectedDetection: '',
    tags: [],
    active: true,
    version: 1,
    createdBy: 'user:default/rita.red',
    createdAt: '2026-02-01T09:00:00Z',
    updatedAt: '2026-02-02T09:00:00Z',
    ...fields,
  };
}

/** Two active templates and one deactivated, on different techniques. */
export const sampleTemplates: TestTemplate[] = [
  template({
    id: 'tpl-cradle',
    name: 'PowerShell download cradle',
    description: 'Fetch and run a script from a web server.',
    techniques: ['T1059'],
    severity: 'high',
    procedure: 'Run IEX (New-Object Net.WebClient).DownloadString(...)',
    tools: ['powershell'],
    expectedDetection: 'The EDR alerts on the download cradle.',
    tags: ['powershell', 'edr'],
    version: 4,
  }),
  template({
    id: 'tpl-cron',
    name: 'Cron persistence',
    techniques: ['T1053'],
    platform: 'Linux',
    tags: ['linux'],
  }),
  template({
    id: 'tpl-macro',
    name: 'Macro attachment',
    techniques: ['T1566.001'],
    active: false,
    version: 2,
  }),
];

/** How the sample templates were used. */
export const sampleTemplateStats: TemplateStats[] = [
  {
    templateId: 'tpl-cradle',
    name: 'PowerShell download cradle',
    active: true,
    tests: 7,
    validated: 4,
    rejected: 1,
    inProgress: 2,
    lastUsedAt: '2026-03-05T09:00:00Z',
  },
  {
    templateId: 'tpl-macro',
    name: 'Macro attachment',
    active: false,
    tests: 0,
    validated: 0,
    rejected: 0,
    inProgress: 0,
  },
];

/** The templates a query selects; without a status, the active ones. */
export function templatePage(
  templates: TestTemplate[],
  query: ListTemplatesQuery,
) {
  const status = query.status ?? 'active';
  const search = query.search?.toLocaleLowerCase('en-US');
  const items = templates.filter(
    t =>
      (status === 'all' || t.active === (status === 'active')) &&
      (!query.technique || t.techniques.includes(query.technique)) &&
      (!search ||
        `${t.name} ${t.description}`
          .toLocaleLowerCase('en-US')
          .includes(search)),
  );
  return { items, total: items.length };
}
