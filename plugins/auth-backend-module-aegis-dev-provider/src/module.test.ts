import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import authPlugin from '@backstage/plugin-auth-backend';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { AEGIS_DEV_USER_HEADER } from './constants';
import { authModuleAegisDevProvider } from './module';

jest.setTimeout(30_000);

const adaAdmin = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: 'ada.admin', namespace: 'default' },
  spec: { memberOf: ['aegis-admins'] },
  // As the catalog's processing would have added them.
  relations: [{ type: 'memberOf', targetRef: 'group:default/aegis-admins' }],
};

function startAuth(auth: object) {
  return startTestBackend({
    features: [
      authPlugin,
      authModuleAegisDevProvider,
      catalogServiceMock.factory({ entities: [adaAdmin] }),
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          backend: { baseUrl: 'http://localhost:7007' },
          auth,
        },
      }),
    ],
  });
}

const developmentAuth = {
  environment: 'development',
  providers: { 'aegis-dev': { development: {} } },
};

describe('aegis-dev sign-in', () => {
  it('issues a Backstage token for a catalog user named in the header', async () => {
    const { server } = await startAuth(developmentAuth);

    const response = await request(server)
      .get('/api/auth/aegis-dev/refresh')
      .set(AEGIS_DEV_USER_HEADER, 'ada.admin');

    expect(response.status).toBe(200);
    expect(response.body.backstageIdentity.token).toEqual(expect.any(String));
    expect(response.body.backstageIdentity.identity).toMatchObject({
      userEntityRef: 'user:default/ada.admin',
      ownershipEntityRefs: expect.arrayContaining([
        'user:default/ada.admin',
        'group:default/aegis-admins',
      ]),
    });
  });

  it('accepts a user entity ref and the user query parameter', async () => {
    const { server } = await startAuth(developmentAuth);

    const response = await request(server).post(
      '/api/auth/aegis-dev/refresh?user=user:default/ada.admin',
    );

    expect(response.status).toBe(200);
  });

  it('refuses users that are not in the catalog', async () => {
    const { server } = await startAuth(developmentAuth);

    const response = await request(server)
      .get('/api/auth/aegis-dev/refresh')
      .set(AEGIS_DEV_USER_HEADER, 'mallory');

    expect(response.status).toBe(404);
  });

  it('answers 400 naming the header when no user is given', async () => {
    const { server } = await startAuth(developmentAuth);

    const response = await request(server).get('/api/auth/aegis-dev/refresh');

    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain(AEGIS_DEV_USER_HEADER);
  });

  it('does not exist under the production auth environment', async () => {
    const { server } = await startAuth({
      ...developmentAuth,
      environment: 'production',
    });

    const response = await request(server)
      .get('/api/auth/aegis-dev/refresh')
      .set(AEGIS_DEV_USER_HEADER, 'ada.admin');

    expect(response.status).toBe(404);
  });

  it('stops the backend from starting when configured for production', async () => {
    await expect(
      startAuth({
        environment: 'production',
        providers: { 'aegis-dev': { production: {} } },
      }),
    ).rejects.toThrow(/must never be configured for production/);
  });
});
