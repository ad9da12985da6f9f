import request from 'supertest';
import { startAegisPortal } from '../__testUtils__/startAegisPortal';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(120_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())('ATT&CK API on %p', databaseId => {
  async function start(aegisConfig?: Record<string, unknown>) {
    const knex = await databases.init(databaseId);
    const portal = await startAegisPortal({ knex, aegisConfig });
    const token = await portal.userToken('ada.admin');
    const as = (call: request.Test) =>
      call.set('Authorization', `Bearer ${token}`);
    return {
      get: (path: string) => as(request(portal.server).get(path)),
      post: (path: string) => as(request(portal.server).post(path)),
    };
  }

  it('syncs from the offline bundle and records the run', async () => {
    const api = await start();

    const sync = await api.post('/api/aegis/system/sync-mitre');

    expect(sync.status).toBe(200);
    expect(sync.body.runs).toEqual([
      expect.objectContaining({
        domain: 'enterprise-attack',
        trigger: 'manual',
        triggeredBy: 'user:default/ada.admin',
        outcome: 'succeeded',
        source: 'file',
        release: '19.0',
      }),
    ]);
    const runs = await api.get('/api/aegis/system/sync-runs?limit=1');
    expect(runs.body.items[0].id).toBe(sync.body.runs[0].id);
  });

  it('filters techniques by tactic, platform, text and retirement', async () => {
    const api = await start();
    await api.post('/api/aegis/system/sync-mitre').expect(200);
    const ids = async (query: string) =>
      (await api.get(`/api/aegis/techniques?${query}`)).body.items.map(
        (t: { mitreId: string }) => t.mitreId,
      );

    expect(await ids('tactic=execution')).toEqual(['T1059', 'T1059.001']);
    expect(await ids('tactic=execution&include_subtechniques=false')).toEqual([
      'T1059',
    ]);
    expect(await ids('platform=Linux')).toEqual(['T1059', 'T1685']);
    expect(await ids('search=powershell')).toEqual(['T1059.001']);
    expect(await ids('')).toEqual(['T1059', 'T1059.001', 'T1685']);
    expect(await ids('deprecated=true')).toEqual([
      'T1036',
      'T1059',
      'T1059.001',
      'T1562',
      'T1685',
    ]);
  });

  it('lists the tactics in matrix order', async () => {
    const api = await start();
    await api.post('/api/aegis/system/sync-mitre').expect(200);

    const tactics = await api.get('/api/aegis/tactics');

    expect(
      tactics.body.items.map((t: { attackId: string }) => t.attackId),
    ).toEqual(['TA0002', 'TA0005', 'TA0112']);
  });

  it('details a technique with its sub-techniques and last change', async () => {
    const api = await start();
    await api.post('/api/aegis/system/sync-mitre').expect(200);

    const t1059 = await api.get('/api/aegis/techniques/t1059');
    const missing = await api.get('/api/aegis/techniques/T0000');

    expect(t1059.status).toBe(200);
    expect(t1059.body).toMatchObject({
      mitreId: 'T1059',
      tactics: ['execution'],
      subtechniques: [{ mitreId: 'T1059.001', name: 'PowerShell' }],
      lastChange: { change: 'added', release: '19.0' },
    });
    expect(missing.status).toBe(404);
  });

  it('records a failed run, and why, when no source serves a domain', async () => {
    const api = await start({
      attack: { domains: ['ics-attack'] },
    });

    const sync = await api.post('/api/aegis/system/sync-mitre');

    expect(sync.body.runs[0]).toMatchObject({
      domain: 'ics-attack',
      outcome: 'failed',
      skippedSources: [
        {
          source: 'file',
          reason: expect.stringContaining(
            'aegis.attack.sources.file.ics-attack',
          ),
        },
      ],
    });
  });

  it('rejects bad filters by name', async () => {
    const api = await start();

    const response = await api.get(
      '/api/aegis/techniques?domain=pre-attack&include_subtechniques=maybe',
    );

    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('domain');
    expect(response.body.error.message).toContain('include_subtechniques');
  });
});
