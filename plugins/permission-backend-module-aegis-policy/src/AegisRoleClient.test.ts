import { mockServices } from '@backstage/backend-test-utils';
import { createServer, Server } from 'http';
import { AddressInfo } from 'net';
import { AegisRoleClient } from './AegisRoleClient';

/** A stand-in Aegis backend on loopback that counts role look-ups. */
async function startAegisStub(status: () => number) {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    res.statusCode = status();
    res.setHeader('Content-Type', 'application/json');
    res.end(
      res.statusCode === 200
        ? JSON.stringify({
            userEntityRef: 'user:default/ada.admin',
            active: true,
            roles: ['admin', 'not-a-role'],
          })
        : JSON.stringify({ error: { name: 'Error', message: 'down' } }),
    );
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    requests,
    baseUrl: `http://127.0.0.1:${port}/api/aegis`,
    close: () => new Promise(resolve => server.close(resolve)),
  };
}

describe('AegisRoleClient', () => {
  let now = 0;
  let stub: Awaited<ReturnType<typeof startAegisStub>>;
  let status = 200;

  beforeEach(async () => {
    now = 1_000_000;
    status = 200;
    stub = await startAegisStub(() => status);
  });
  afterEach(() => stub.close());

  function client(cacheSeconds?: number) {
    return new AegisRoleClient({
      auth: mockServices.auth(),
      discovery: mockServices.discovery.mock({
        getBaseUrl: async () => stub.baseUrl,
      }),
      cacheSeconds,
      now: () => now,
    });
  }

  it('asks Aegis for the roles and keeps only known roles', async () => {
    const roles = await client().getRoles('user:default/ada.admin');

    expect(roles).toEqual({
      userEntityRef: 'user:default/ada.admin',
      active: true,
      roles: ['admin'],
    });
    expect(stub.requests).toEqual([
      '/api/aegis/policy/roles?userEntityRef=user%3Adefault%2Fada.admin',
    ]);
  });

  it('keeps an answer for 30 seconds at most, even when configured longer', async () => {
    const roleClient = client(3600);

    await roleClient.getRoles('user:default/ada.admin');
    now += 29_000;
    await roleClient.getRoles('user:default/ada.admin');
    expect(stub.requests).toHaveLength(1);

    now += 2_000;
    await roleClient.getRoles('user:default/ada.admin');
    expect(stub.requests).toHaveLength(2);
  });

  it('does not keep failures', async () => {
    const roleClient = client();
    status = 503;

    await expect(
      roleClient.getRoles('user:default/ada.admin'),
    ).rejects.toMatchObject({ name: 'ResponseError' });
    status = 200;
    await expect(
      roleClient.getRoles('user:default/ada.admin'),
    ).resolves.toMatchObject({ roles: ['admin'] });
    expect(stub.requests).toHaveLength(2);
  });
});
