import {
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import request from 'supertest';
import { startS3 } from '../__testUtils__/s3';
import { startAegisPortal } from '../__testUtils__/startAegisPortal';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(240_000);

const MB = 1024 * 1024;
const MAX_BYTES = 32 * MB;
const ADMIN = 'ada.admin';
const RED = 'rex.redtech';
const BLUE = 'bea.bluetech';
const RED_LEAD = 'rosa.redlead';
const BLUE_LEAD = 'bo.bluelead';
const VIEWER = 'vic.viewer';
const OTHER_RED = 'spare.redtech';

const sha256 = (data: Buffer) =>
  createHash('sha256').update(data).digest('hex');

/** Collects a binary response body as a Buffer. */
function binary(
  res: request.Response,
  callback: (error: Error | null, body: Buffer) => void,
) {
  const chunks: Buffer[] = [];
  res.on('data', chunk => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

/**
 * A download read with Node's own client, to see what arrives when the
 * backend cuts the stream short.
 */
function rawDownload(
  server: http.Server,
  path: string,
  token: string,
): Promise<{
  status?: number;
  length: number;
  received: number;
  failed: boolean;
}> {
  const { port } = server.address() as AddressInfo;
  return new Promise(resolve => {
    let received = 0;
    let status: number | undefined;
    let length = -1;
    const finish = (failed: boolean) =>
      resolve({ status, length, received, failed });
    const req = http.get(
      {
        host: '127.0.0.1',
        port,
        path,
        headers: { Authorization: `Bearer ${token}` },
      },
      res => {
        status = res.statusCode;
        length = Number(res.headers['content-length'] ?? -1);
        res.on('data', chunk => (received += chunk.length));
        res.on('end', () => finish(false));
        res.on('aborted', () => finish(true));
        res.on('error', () => finish(true));
      },
    );
    req.on('error', () => finish(true));
  });
}

/**
 * Streams a multipart upload without a Content-Length, as a client that does
 * not announce its size would.
 */
function chunkedUpload(
  server: http.Server,
  path: string,
  token: string,
  size: number,
): Promise<{ status?: number; body: string }> {
  const { port } = server.address() as AddressInfo;
  const boundary = 'aegis-boundary-7d1c';
  return new Promise(resolve => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': `multipart/form-data; boundary=${boundary}`,
          'Transfer-Encoding': 'chunked',
        },
      },
      res => {
        let body = '';
        res.on('data', chunk => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode, body }));
      },
    );
    req.on('error', () => resolve({ body: 'connection closed' }));
    req.write(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    );
    const chunk = Buffer.alloc(MB, 7);
    let sent = 0;
    const pump = () => {
      while (sent < size) {
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      req.end(`\r\n--${boundary}--\r\n`);
    };
    pump();
  });
}

/** What a presigned download gives in each store. */
function presignedOutcome(store: 'local' | 's3', hash: string) {
  if (store === 'local') {
    return {
      status: 409,
      contentType: undefined,
      disposition: undefined,
      sha256: undefined,
    };
  }
  return {
    status: 200,
    contentType: 'application/octet-stream',
    disposition: expect.stringMatching(/^attachment; filename="dump.bin"/),
    sha256: hash,
  };
}

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())('evidence on %p', databaseId => {
  let s3: Awaited<ReturnType<typeof startS3>>;

  beforeAll(async () => {
    s3 = await startS3();
  });

  afterAll(async () => {
    await s3.stop();
  });

  describe.each(['local', 's3'] as const)('in the %s store', storeKind => {
    let portal: Awaited<ReturnType<typeof startAegisPortal>>;
    let knex: Awaited<ReturnType<typeof databases.init>>;
    const localDirectory = mkdtempSync(join(tmpdir(), 'aegis-evidence-test-'));
    const tokens = new Map<string, string>();
    const token = (user: string) => tokens.get(user)!;

    /** Every object the store holds under a prefix. */
    async function objectKeys(prefix: string): Promise<string[]> {
      if (storeKind === 'local') {
        const walk = (dir: string): string[] =>
          readdirSync(dir, { withFileTypes: true }).flatMap(entry =>
            entry.isDirectory()
              ? walk(join(dir, entry.name))
              : [relative(localDirectory, join(dir, entry.name))],
          );
        return walk(localDirectory).filter(key => key.startsWith(prefix));
      }
      const listed = await new S3Client(s3.client).send(
        new ListObjectsV2Command({ Bucket: 'aegis-evidence', Prefix: prefix }),
      );
      return (listed.Contents ?? []).map(object => object.Key!);
    }

    /** Changes a stored object behind the backend's back. */
    async function tamper(key: string, content: Buffer) {
      if (storeKind === 'local') {
        writeFileSync(join(localDirectory, key), content);
        return;
      }
      await new S3Client(s3.client).send(
        new PutObjectCommand({
          Bucket: 'aegis-evidence',
          Key: key,
          Body: content,
        }),
      );
    }

    const api = (
      method: 'get' | 'post' | 'patch' | 'delete',
      path: string,
      user: string,
    ) =>
      request(portal.server)
        [method](`/api/aegis${path}`)
        .set('Authorization', `Bearer ${token(user)}`);

    async function createTest(user = RED) {
      const response = await api('post', '/tests', user)
        .send({
          title: 'Evidence test',
          techniques: ['T1059'],
          platform: 'Linux',
          severity: 'medium',
        })
        .expect(201);
      return response.body.id as string;
    }

    function upload(
      testId: string,
      team: 'red' | 'blue',
      user: string,
      content: Buffer,
      filename = 'proof.log',
      fields: { sha256?: string; description?: string } = {},
    ) {
      let call = api('post', `/tests/${testId}/evidence?team=${team}`, user);
      if (fields.description)
        call = call.field('description', fields.description);
      if (fields.sha256) call = call.field('sha256', fields.sha256);
      return call.attach('file', content, filename);
    }

    /** Takes a test to blue_evaluating with red's work and one file. */
    async function toBlueEvaluating(testId: string) {
      await api('post', `/tests/${testId}/start-execution`, RED).expect(200);
      const { version } = (await api('get', `/tests/${testId}`, RED)).body;
      await api('patch', `/tests/${testId}/red`, RED)
        .send({
          version,
          executedAt: '2026-12-01T10:00:00Z',
          commands: 'id',
          result: 'uid=0',
        })
        .expect(200);
      await upload(testId, 'red', RED, Buffer.from('red proof')).expect(201);
      await api('post', `/tests/${testId}/submit-red`, RED).expect(200);
    }

    /** The generation the read cache checks for changes of tests. */
    const testsGeneration = async () =>
      Number(
        (await knex('aegis_data_generations').where({ name: 'tests' }).first())
          ?.generation ?? 0,
      );

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      const evidence =
        storeKind === 's3'
          ? {
              ...s3.evidenceConfig,
              maxBytes: MAX_BYTES,
              s3: {
                ...s3.evidenceConfig.s3,
                presignedDownloads: { enabled: true, minBytes: 1024 },
              },
            }
          : {
              store: 'local',
              local: { directory: localDirectory },
              maxBytes: MAX_BYTES,
            };
      portal = await startAegisPortal({
        knex,
        extraUsers: [OTHER_RED],
        aegisConfig: { evidence },
      });
      for (const user of [ADMIN, RED, BLUE, RED_LEAD, BLUE_LEAD, VIEWER]) {
        tokens.set(user, await portal.userToken(user));
      }
      await api('post', '/system/sync-mitre', ADMIN).expect(200);
      await api('post', '/users', ADMIN)
        .send({
          userEntityRef: `user:default/${OTHER_RED}`,
          roles: ['red_tech'],
        })
        .expect(201);
      tokens.set(OTHER_RED, await portal.userToken(OTHER_RED));
    });

    it('round-trips a 30 MB file with its SHA-256 checked on the way in and out', async () => {
      const testId = await createTest();
      const content = randomBytes(30 * MB);
      const hash = sha256(content);

      const stored = await upload(testId, 'red', RED, content, 'capture.pcap', {
        sha256: hash,
        description: 'Beacon traffic',
      });
      expect(stored.status).toBe(201);
      expect(stored.body).toMatchObject({
        testId,
        team: 'red',
        round: 1,
        size: 30 * MB,
        sha256: hash,
        filename: 'capture.pcap',
        description: 'Beacon traffic',
        uploadedBy: `user:default/${RED}`,
      });
      expect(stored.body).not.toHaveProperty('objectKey');
      // Sent with its hash, the file lands under its own key, never copied.
      expect(await objectKeys(`tests/${testId}/red/`)).toEqual([
        expect.stringMatching(new RegExp(`^tests/${testId}/red/${hash}\\.`)),
      ]);

      const download = await api(
        'get',
        `/evidence/${stored.body.id}/content`,
        RED_LEAD,
      )
        .buffer(true)
        .parse(binary);
      expect(download.status).toBe(200);
      expect(sha256(download.body)).toBe(hash);
      expect(download.headers).toMatchObject({
        'content-type': 'application/octet-stream',
        'content-disposition': `attachment; filename="capture.pcap"; filename*=UTF-8''capture.pcap`,
        'x-content-type-options': 'nosniff',
        'content-length': String(30 * MB),
      });

      const verified = await api(
        'post',
        `/evidence/${stored.body.id}/verify`,
        BLUE_LEAD,
      );
      expect(verified.body).toMatchObject({ match: true, actualSha256: hash });

      const listed = await api('get', `/tests/${testId}/evidence`, VIEWER);
      expect(listed.body).toMatchObject({
        red: [{ id: stored.body.id }],
        blue: [],
        canUpload: { red: false, blue: false },
        canDownload: false,
      });
    });

    it('reports a file changed behind its back as tampered, on download and on verify', async () => {
      const testId = await createTest();
      const original = Buffer.alloc(256 * 1024, 'a');
      const stored = (await upload(testId, 'red', RED, original).expect(201))
        .body;
      const key = `tests/${testId}/red/${stored.sha256}`;

      // Same size, different bytes: found only by hashing the stream.
      await tamper(key, Buffer.alloc(256 * 1024, 'b'));
      const download = await rawDownload(
        portal.server,
        `/api/aegis/evidence/${stored.id}/content`,
        token(RED_LEAD),
      );
      expect(download.status).toBe(200);
      expect(download.received).toBeLessThan(download.length);

      const verified = await api(
        'post',
        `/evidence/${stored.id}/verify`,
        RED_LEAD,
      );
      expect(verified.body).toMatchObject({
        match: false,
        expectedSha256: stored.sha256,
      });

      // A different size is caught before a byte is sent.
      await tamper(key, Buffer.from('short'));
      const refused = await api(
        'get',
        `/evidence/${stored.id}/content`,
        RED_LEAD,
      );
      expect(refused.status).toBe(502);
      expect(refused.body.error.message).toContain(
        'failed its integrity check',
      );

      const audit = await api(
        'get',
        `/audit-log?action=evidence.integrity-failure&entity_id=${testId}`,
        ADMIN,
      );
      expect(audit.body.total).toBeGreaterThanOrEqual(3);
      const alerts = await request(portal.server)
        .get('/api/notifications/notifications')
        .set('Authorization', `Bearer ${token(BLUE_LEAD)}`);
      expect(
        alerts.body.notifications.map(
          (n: { payload: { title: string } }) => n.payload.title,
        ),
      ).toContain('Evidence failed its integrity check: proof.log');
    });

    it('answers 413 past the size limit and keeps nothing, announced or not', async () => {
      const testId = await createTest();
      const incomingBefore = await objectKeys('incoming/');

      const announced = await upload(
        testId,
        'red',
        RED,
        Buffer.alloc(MAX_BYTES + MB),
      );
      expect(announced.status).toBe(413);
      expect(announced.body.error.message).toContain('aegis.evidence.maxBytes');

      const streamed = await chunkedUpload(
        portal.server,
        `/api/aegis/tests/${testId}/evidence?team=red`,
        token(RED),
        MAX_BYTES + 2 * MB,
      );
      expect(streamed.status).toBe(413);

      expect(
        (await api('get', `/tests/${testId}/evidence`, RED)).body.red,
      ).toEqual([]);
      expect(await objectKeys(`tests/${testId}/`)).toEqual([]);
      expect(await objectKeys('incoming/')).toEqual(incomingBefore);
      expect(await knex('aegis_evidence_uploads')).toEqual([]);
    });

    it('stores nothing when the client-sent SHA-256 does not match', async () => {
      const testId = await createTest();
      const response = await upload(
        testId,
        'red',
        RED,
        Buffer.from('data'),
        'a.txt',
        {
          sha256: sha256(Buffer.from('other data')),
        },
      );
      expect(response.status).toBe(400);
      expect(response.body.error.message).toContain('sha256');
      expect(await objectKeys(`tests/${testId}/`)).toEqual([]);
    });

    it('lets each team upload only to its own side, only while its phase is open', async () => {
      const testId = await createTest();
      const file = Buffer.from('proof');
      const expectations: Array<[string, 'red' | 'blue', number]> = [
        [RED, 'red', 201],
        [ADMIN, 'red', 201],
        [BLUE, 'red', 403],
        [RED_LEAD, 'red', 403],
        [VIEWER, 'red', 403],
        [RED, 'blue', 403],
        [BLUE, 'blue', 409],
      ];
      for (const [user, team, status] of expectations) {
        const response = await upload(testId, team, user, file);
        expect({ user, team, status: response.status }).toEqual({
          user,
          team,
          status,
        });
      }

      await toBlueEvaluating(testId);
      expect((await upload(testId, 'red', RED, file)).status).toBe(409);
      expect((await upload(testId, 'blue', BLUE, file)).status).toBe(201);
      expect((await upload(testId, 'blue', ADMIN, file)).status).toBe(201);

      const view = await api('get', `/tests/${testId}/evidence`, BLUE);
      expect(view.body.canUpload).toEqual({ red: false, blue: true });
      expect(view.body.red.length).toBe(3);
      expect(view.body.blue.length).toBe(2);
    });

    it('sanitises hostile filenames and serves everything as a download', async () => {
      const testId = await createTest();
      const html = Buffer.from(
        '<html><script>alert(document.cookie)</script></html>',
      );
      const names: Array<[string, string]> = [
        ['../../etc/passwd', 'passwd'],
        ['..\\..\\windows\\boot.ini', 'boot.ini'],
        ['report\u202Egnp.exe', 'reportgnp.exe'],
        ['...', 'evidence'],
      ];
      for (const [sent, kept] of names) {
        const stored = await upload(testId, 'red', RED, html, sent).expect(201);
        expect(stored.body.filename).toBe(kept);
        expect(stored.body.detectedType).toBe('text/plain');
        const download = await api(
          'get',
          `/evidence/${stored.body.id}/content`,
          RED,
        );
        expect(download.headers['content-type']).toBe(
          'application/octet-stream',
        );
        expect(download.headers['content-disposition']).toMatch(
          /^attachment; filename="/,
        );
        expect(download.headers['x-content-type-options']).toBe('nosniff');
      }
    });

    it('accepts the user cookie for downloads only', async () => {
      const testId = await createTest();
      const stored = (
        await upload(testId, 'red', RED, Buffer.from('cookie')).expect(201)
      ).body;

      const issued = await request(portal.server)
        .get('/api/aegis/.backstage/auth/v1/cookie')
        .set('Authorization', `Bearer ${token(RED_LEAD)}`)
        .expect(200);
      const cookie = (issued.headers['set-cookie'] as unknown as string[])
        .map(value => value.split(';')[0])
        .join('; ');

      const download = await request(portal.server)
        .get(`/api/aegis/evidence/${stored.id}/content`)
        .set('Cookie', cookie)
        .buffer(true)
        .parse(binary);
      expect(download.status).toBe(200);
      expect(download.body.toString()).toBe('cookie');
      for (const [method, path] of [
        ['get', `/evidence/${stored.id}`],
        ['post', `/evidence/${stored.id}/verify`],
        ['delete', `/evidence/${stored.id}`],
      ] as const) {
        const response = await request(portal.server)
          [method](`/api/aegis${path}`)
          .set('Cookie', cookie);
        expect({ path, method, status: response.status }).toEqual({
          path,
          method,
          status: 401,
        });
      }
      expect(
        (await api('get', `/evidence/${stored.id}/content`, VIEWER)).status,
      ).toBe(403);
    });

    it('hands out presigned URLs for large files only where enabled', async () => {
      const testId = await createTest();
      const large = randomBytes(4096);
      const small = (
        await upload(testId, 'red', RED, Buffer.from('tiny')).expect(201)
      ).body;
      const big = (
        await upload(testId, 'red', RED, large, 'dump.bin').expect(201)
      ).body;

      expect(
        (await api('get', `/evidence/${small.id}/download-url`, RED)).status,
      ).toBe(409);
      expect(
        (await api('get', `/evidence/${big.id}/download-url`, VIEWER)).status,
      ).toBe(403);
      const presigned = await api(
        'get',
        `/evidence/${big.id}/download-url`,
        RED,
      );
      const served = presigned.body.url
        ? await fetch(presigned.body.url)
        : undefined;
      const result = {
        status: presigned.status,
        contentType: served?.headers.get('content-type'),
        disposition: served?.headers.get('content-disposition'),
        sha256: served && sha256(Buffer.from(await served.arrayBuffer())),
      };

      // Only the S3 store offers them; the local store answers 409.
      expect(result).toEqual(presignedOutcome(storeKind, sha256(large)));
    });

    it('soft-deletes while open and removes content only when nothing refers to it', async () => {
      const testId = await createTest();
      const content = Buffer.from('same bytes twice');
      const before = await testsGeneration();
      const first = (
        await upload(testId, 'red', RED, content, 'one.txt').expect(201)
      ).body;
      const second = (
        await upload(testId, 'red', RED, content, 'two.txt').expect(201)
      ).body;
      const key = `tests/${testId}/red/${first.sha256}`;
      // Evidence changes what the cached test list and metrics show.
      expect(await testsGeneration()).toBe(before + 2);

      expect(
        (await api('delete', `/evidence/${first.id}`, OTHER_RED)).status,
      ).toBe(403);
      await api('delete', `/evidence/${first.id}`, RED).expect(204);
      expect(await testsGeneration()).toBe(before + 3);
      expect(await objectKeys(key)).toEqual([key]);
      expect((await api('get', `/evidence/${first.id}`, RED)).status).toBe(404);

      await api('delete', `/evidence/${second.id}`, ADMIN).expect(204);
      expect(await objectKeys(key)).toEqual([]);

      const timeline = await api('get', `/tests/${testId}/timeline`, RED);
      expect(
        timeline.body.items.filter(
          (e: { action: string }) => e.action === 'evidence.delete',
        ),
      ).toHaveLength(2);

      // Submitted red work is frozen, its files included.
      await toBlueEvaluating(testId);
      const [kept] = (await api('get', `/tests/${testId}/evidence`, RED)).body
        .red;
      expect((await api('delete', `/evidence/${kept.id}`, RED)).status).toBe(
        409,
      );
    });
  });

  it('answers 503 and keeps nothing when S3 cannot be reached', async () => {
    const knex = await databases.init(databaseId);
    const dead = http.createServer();
    await new Promise<void>(resolve => dead.listen(0, '127.0.0.1', resolve));
    const { port } = dead.address() as AddressInfo;
    await new Promise(resolve => dead.close(resolve));

    const portal = await startAegisPortal({
      knex,
      aegisConfig: {
        evidence: {
          ...s3.evidenceConfig,
          s3: { ...s3.evidenceConfig.s3, endpoint: `http://127.0.0.1:${port}` },
        },
      },
    });
    const admin = await portal.userToken(ADMIN);
    const red = await portal.userToken(RED);
    await request(portal.server)
      .post('/api/aegis/system/sync-mitre')
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    const created = await request(portal.server)
      .post('/api/aegis/tests')
      .set('Authorization', `Bearer ${red}`)
      .send({
        title: 'S3 down',
        techniques: ['T1059'],
        platform: 'Linux',
        severity: 'low',
      })
      .expect(201);

    const response = await request(portal.server)
      .post(`/api/aegis/tests/${created.body.id}/evidence?team=red`)
      .set('Authorization', `Bearer ${red}`)
      .attach('file', Buffer.from('proof'), 'proof.txt');

    expect(response.status).toBe(503);
    expect(response.body.error.message).toContain(
      'Evidence storage is unavailable',
    );
    expect(await knex('aegis_evidence')).toEqual([]);
    // Whatever S3 kept of the attempt is the clean-up task's to remove.
    expect(await knex('aegis_evidence_uploads')).toEqual([
      expect.objectContaining({ final_key: null }),
    ]);
  });
});
