import { ConfigReader } from '@backstage/config';
import { readRolesConfig } from './config';

describe('readRolesConfig', () => {
  it('normalises the refs of each role and defaults to no role', () => {
    const config = readRolesConfig(
      new ConfigReader({
        aegis: { roles: { admin: ['Group:Default/Aegis-Admins', 'user:x'] } },
      }),
    );

    expect([...config.mappings.get('admin')!]).toEqual([
      'group:default/aegis-admins',
      'user:default/x',
    ]);
    expect(config.mappings.get('viewer')!.size).toBe(0);
    expect(config.defaultRole).toBeUndefined();
  });

  it('names the key of an unknown role', () => {
    expect(() =>
      readRolesConfig(new ConfigReader({ aegis: { roles: { root: [] } } })),
    ).toThrow('aegis.roles.root');
  });

  it('names the key of a ref that is neither a user nor a group', () => {
    expect(() =>
      readRolesConfig(
        new ConfigReader({
          aegis: { roles: { viewer: ['component:default/payments-api'] } },
        }),
      ),
    ).toThrow('aegis.roles.viewer');
  });

  it('names the key of a bad default role', () => {
    expect(() =>
      readRolesConfig(
        new ConfigReader({ aegis: { access: { defaultRole: 'root' } } }),
      ),
    ).toThrow('aegis.access.defaultRole');
  });
});
