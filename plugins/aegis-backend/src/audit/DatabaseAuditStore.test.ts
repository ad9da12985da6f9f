import { createTestDatabases } from '../__testUtils__/testDatabases';
import { applyMigrations } from '../database/migrations';
import { DatabaseAuditStore } from './DatabaseAuditStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())('DatabaseAuditStore on %p', id => {
  async function createStore() {
    const knex = await databases.init(id);
    await applyMigrations({ getClient: async () => knex }, knex);
    return { knex, store: new DatabaseAuditStore(knex) };
  }

  it('lists entries newest first with their JSON states', async () => {
    const { store } = await createStore();
    await store.append({
      actor: 'user:default/ada.admin',
      action: 'role.create',
      entityType: 'user',
      entityId: 'user:default/rex.redtech',
      after: { roles: ['red_tech'] },
      requestId: 'req-1',
    });
    await store.append({
      actor: 'user:default/ada.admin',
      action: 'role.update',
      entityType: 'user',
      entityId: 'user:default/rex.redtech',
      before: { roles: ['red_tech'] },
      after: { roles: ['red_tech', 'red_lead'] },
    });

    const page = await store.list({ limit: 10, offset: 0 });

    expect(page.total).toBe(2);
    expect(page.items.map(item => item.action)).toEqual([
      'role.update',
      'role.create',
    ]);
    expect(page.items[0]).toMatchObject({
      before: { roles: ['red_tech'] },
      after: { roles: ['red_tech', 'red_lead'] },
      requestId: undefined,
    });
    expect(page.items[1]).toMatchObject({
      before: undefined,
      requestId: 'req-1',
    });
    expect(Date.parse(page.items[0].occurredAt)).not.toBeNaN();
  });

  it('filters by actor, action, entity and time window, and pages', async () => {
    const { store } = await createStore();
    for (const [actor, action] of [
      ['user:default/ada.admin', 'role.create'],
      ['user:default/ada.admin', 'role.update'],
      ['user:default/rosa.redlead', 'technique.review'],
    ]) {
      await store.append({
        actor,
        action,
        entityType: 'user',
        entityId: 'user:default/x',
      });
    }

    const byActor = await store.list({
      actor: 'user:default/ada.admin',
      limit: 1,
      offset: 1,
    });
    expect(byActor.total).toBe(2);
    expect(byActor.items.map(item => item.action)).toEqual(['role.create']);

    const byAction = await store.list({
      action: 'technique.review',
      limit: 10,
      offset: 0,
    });
    expect(byAction.items).toHaveLength(1);

    const future = await store.list({
      from: new Date(Date.now() + 60_000),
      limit: 10,
      offset: 0,
    });
    expect(future.total).toBe(0);
    const past = await store.list({
      from: new Date(Date.now() - 60_000),
      to: new Date(Date.now() + 60_000),
      entityType: 'user',
      entityId: 'user:default/x',
      limit: 10,
      offset: 0,
    });
    expect(past.total).toBe(3);
  });

  it('writes nothing when the transaction of the change rolls back', async () => {
    const { knex, store } = await createStore();

    await expect(
      knex.transaction(async trx => {
        await store.append(
          {
            actor: 'user:default/ada.admin',
            action: 'role.create',
            entityType: 'user',
            entityId: 'user:default/rex.redtech',
          },
          trx,
        );
        throw new Error('the change itself failed');
      }),
    ).rejects.toThrow('the change itself failed');

    expect((await store.list({ limit: 10, offset: 0 })).total).toBe(0);
  });
});
