import { mockServices } from '@backstage/backend-test-utils';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { DatabaseAuditStore } from '../audit/DatabaseAuditStore';
import { applyMigrations } from '../database/migrations';
import { EvidenceService } from './EvidenceService';
import { LocalObjectStore } from './LocalObjectStore';

jest.setTimeout(60_000);

const HOUR = 60 * 60 * 1000;
const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'the evidence clean-up on %p',
  databaseId => {
    it('removes what failed uploads left behind, and only that', async () => {
      const knex = await databases.init(databaseId);
      await applyMigrations({ getClient: async () => knex }, knex);
      const store = new LocalObjectStore(
        mkdtempSync(join(tmpdir(), 'aegis-cleanup-')),
      );
      const service = new EvidenceService({
        db: knex,
        store,
        maxBytes: 1024,
        auditStore: new DatabaseAuditStore(knex),
        logger: mockServices.logger.mock(),
        onIntegrityFailure: async () => undefined,
      });
      const put = (key: string) => store.put(key, Readable.from(['x']));
      const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

      // A stream cut off before its metadata, a crash after the move, and
      // an upload still running.
      await put('incoming/stale');
      await put('incoming/moved');
      await put('tests/t1/red/abc');
      await put('incoming/running');
      await knex('aegis_evidence_uploads').insert([
        { id: 'a', temporary_key: 'incoming/stale', started_at: ago(2 * HOUR) },
        {
          id: 'b',
          temporary_key: 'incoming/moved',
          final_key: 'tests/t1/red/abc',
          started_at: ago(3 * HOUR),
        },
        { id: 'c', temporary_key: 'incoming/running', started_at: ago(60_000) },
      ]);

      await service.cleanUp(new Date(Date.now() - HOUR));

      expect(await store.size('incoming/stale')).toBeUndefined();
      expect(await store.size('incoming/moved')).toBeUndefined();
      expect(await store.size('tests/t1/red/abc')).toBeUndefined();
      expect(await store.size('incoming/running')).toBe(1);
      expect(await knex('aegis_evidence_uploads').pluck('id')).toEqual(['c']);
    });
  },
);
