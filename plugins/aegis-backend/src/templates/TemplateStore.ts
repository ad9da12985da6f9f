import {
  CreateTemplateRequest,
  TemplateStats,
  TestTemplate,
  TestTemplatePage,
  TestSeverity,
  UpdateTemplateRequest,
} from '@aegis-security/plugin-aegis-common';
import { ConflictError, NotFoundError } from '@backstage/errors';
import { PermissionCriteria } from '@backstage/plugin-permission-common';
import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import { AuditStore } from '../audit/AuditStore';
import { whereCriteria } from '../lib/sqlCriteria';
import { TemplateFacts, TemplateQuery } from './permissionRules';

type TemplateRow = {
  id: string;
  name: string;
  description: string;
  techniques: string;
  platform: string;
  severity: TestSeverity;
  procedure: string;
  tools: string;
  expected_detection: string;
  tags: string;
  active: boolean | number;
  version: number;
  created_by: string;
  created_at: string;
  updated_at: string;
};

/** Filters of the template list; the criteria come from a permission decision. */
export interface TemplateFilter {
  status: 'active' | 'inactive' | 'all';
  technique?: string;
  search?: string;
  limit: number;
  offset: number;
  criteria?: PermissionCriteria<TemplateQuery>;
}

/** Who changes a template, for the audit log. */
export interface TemplateActor {
  ref: string;
  requestId?: string;
}

/** Test templates in the Aegis database; every change audited with it. */
export class TemplateStore {
  constructor(
    private readonly db: Knex,
    private readonly auditStore: AuditStore,
  ) {}

  async get(id: string): Promise<TestTemplate | undefined> {
    const row: TemplateRow | undefined = await this.db('aegis_templates')
      .where({ id })
      .first();
    return row && toTemplate(row);
  }

  async list(filter: TemplateFilter): Promise<TestTemplatePage> {
    const query = this.db<TemplateRow>('aegis_templates');
    if (filter.status !== 'all') {
      query.where('aegis_templates.active', filter.status === 'active');
    }
    if (filter.technique) {
      // Techniques are a JSON array of quoted ids.
      query.where(
        'aegis_templates.techniques',
        'like',
        `%"${filter.technique}"%`,
      );
    }
    if (filter.search) {
      const pattern = `%${filter.search
        .toLocaleLowerCase('en-US')
        .replace(/[\\%_]/g, match => `\\${match}`)}%`;
      query.where(inner =>
        inner
          .whereRaw("lower(aegis_templates.name) like ? escape '\\'", [pattern])
          .orWhereRaw("lower(aegis_templates.description) like ? escape '\\'", [
            pattern,
          ]),
      );
    }
    if (filter.criteria) {
      whereCriteria(query, filter.criteria);
    }
    const [{ count }] = await query.clone().count({ count: '*' });
    const rows: TemplateRow[] = await query
      .orderBy('aegis_templates.name')
      .orderBy('aegis_templates.id')
      .limit(filter.limit)
      .offset(filter.offset);
    return { items: rows.map(toTemplate), total: Number(count) };
  }

  async create(
    request: CreateTemplateRequest,
    actor: TemplateActor,
  ): Promise<TestTemplate> {
    const now = new Date().toISOString();
    const id = randomUUID();
    await this.db.transaction(async trx => {
      await trx('aegis_templates').insert({
        id,
        ...columnsOf(request),
        active: true,
        version: 1,
        created_by: actor.ref,
        created_at: now,
        updated_at: now,
      });
      await this.audit(trx, actor, 'template.create', id, undefined, request);
    });
    return (await this.get(id))!;
  }

  async update(
    id: string,
    request: UpdateTemplateRequest,
    actor: TemplateActor,
  ): Promise<TestTemplate> {
    const { version, active, ...fields } = request;
    return this.db.transaction(async trx => {
      const changed = await trx('aegis_templates')
        .where({ id, version })
        .update({
          ...columnsOf(fields),
          ...(active === undefined ? {} : { active }),
          version: trx.raw('version + 1'),
          updated_at: new Date().toISOString(),
        });
      if (!changed) {
        const current = await trx('aegis_templates').where({ id }).first();
        if (!current) {
          throw new NotFoundError(`No template ${id}`);
        }
        throw new ConflictError(
          `Template ${id} changed since version ${version}: it is at version ${current.version}; reload it and apply your change again`,
        );
      }
      const keys = Object.keys(request).filter(key => key !== 'version');
      const after = toTemplate(
        await trx('aegis_templates').where({ id }).first(),
      );
      await this.audit(
        trx,
        actor,
        active === false ? 'template.deactivate' : 'template.update',
        id,
        undefined,
        Object.fromEntries(
          keys.map(key => [
            key,
            (after as unknown as Record<string, unknown>)[key],
          ]),
        ),
      );
      return after;
    });
  }

  /** How each template was used: tests made from it and how they ended. */
  async stats(): Promise<TemplateStats[]> {
    const rows: Array<{
      id: string;
      name: string;
      active: boolean | number;
      tests: number | string;
      validated: number | string;
      rejected: number | string;
      last_used_at: string | null;
    }> = await this.db('aegis_templates as t')
      .leftJoin('aegis_tests as test', 'test.template_id', 't.id')
      .groupBy('t.id', 't.name', 't.active')
      .orderBy('t.name')
      .select(
        't.id',
        't.name',
        't.active',
        this.db.raw('count(test.id) as tests'),
        this.db.raw(
          "sum(case when test.state = 'validated' then 1 else 0 end) as validated",
        ),
        this.db.raw(
          "sum(case when test.state = 'rejected' then 1 else 0 end) as rejected",
        ),
        this.db.raw('max(test.created_at) as last_used_at'),
      );
    return rows.map(row => {
      const tests = Number(row.tests);
      const validated = Number(row.validated ?? 0);
      const rejected = Number(row.rejected ?? 0);
      return {
        templateId: row.id,
        name: row.name,
        active: Boolean(row.active),
        tests,
        validated,
        rejected,
        inProgress: tests - validated - rejected,
        lastUsedAt: row.last_used_at ?? undefined,
      };
    });
  }

  private async audit(
    trx: Knex.Transaction,
    actor: TemplateActor,
    action: string,
    id: string,
    before: unknown,
    after: unknown,
  ) {
    await this.auditStore.append(
      {
        actor: actor.ref,
        action,
        entityType: 'template',
        entityId: id,
        before,
        after,
        requestId: actor.requestId,
      },
      trx,
    );
  }
}

export function factsOf(template: TestTemplate): TemplateFacts {
  return { id: template.id, active: template.active };
}

function columnsOf(request: Partial<CreateTemplateRequest>) {
  const columns: Partial<TemplateRow> = {};
  if (request.name !== undefined) columns.name = request.name;
  if (request.description !== undefined) {
    columns.description = request.description;
  }
  if (request.techniques !== undefined) {
    columns.techniques = JSON.stringify([...new Set(request.techniques)]);
  }
  if (request.platform !== undefined) columns.platform = request.platform;
  if (request.severity !== undefined) columns.severity = request.severity;
  if (request.procedure !== undefined) columns.procedure = request.procedure;
  if (request.tools !== undefined)
    columns.tools = JSON.stringify(request.tools);
  if (request.expectedDetection !== undefined) {
    columns.expected_detection = request.expectedDetection;
  }
  if (request.tags !== undefined) columns.tags = JSON.stringify(request.tags);
  return columns;
}

function toTemplate(row: TemplateRow): TestTemplate {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    techniques: JSON.parse(row.techniques),
    platform: row.platform,
    severity: row.severity,
    procedure: row.procedure,
    tools: JSON.parse(row.tools),
    expectedDetection: row.expected_detection,
    tags: JSON.parse(row.tags),
    active: Boolean(row.active),
    version: row.version,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
