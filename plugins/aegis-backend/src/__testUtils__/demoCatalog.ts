import { Entity } from '@backstage/catalog-model';

type GroupSpec = { name: string; parent?: string };
type UserSpec = { name: string; memberOf: string[] };

/** The demo organisation of examples/org.yaml, as the catalog serves it. */
export const DEMO_GROUPS: GroupSpec[] = [
  { name: 'security' },
  { name: 'red-team', parent: 'security' },
  { name: 'red-operators', parent: 'red-team' },
  { name: 'blue-team', parent: 'security' },
  { name: 'blue-analysts', parent: 'blue-team' },
  { name: 'security-leads', parent: 'security' },
  { name: 'aegis-admins', parent: 'security' },
  { name: 'engineering' },
  { name: 'platform-team', parent: 'engineering' },
];

export const DEMO_USERS: UserSpec[] = [
  { name: 'ada.admin', memberOf: ['aegis-admins'] },
  { name: 'rex.redtech', memberOf: ['red-operators'] },
  { name: 'bea.bluetech', memberOf: ['blue-analysts'] },
  { name: 'rosa.redlead', memberOf: ['red-team', 'security-leads'] },
  { name: 'bo.bluelead', memberOf: ['blue-team', 'security-leads'] },
  { name: 'vic.viewer', memberOf: ['platform-team'] },
];

/** Services of examples/entities.yaml that tests target. */
export const DEMO_COMPONENTS = ['payments-api', 'sso-gateway'];

/** The role mappings of app-config.yaml. */
export const DEMO_ROLES_CONFIG = {
  admin: ['group:default/aegis-admins'],
  red_tech: ['group:default/red-operators'],
  blue_tech: ['group:default/blue-analysts'],
  red_lead: ['user:default/rosa.redlead'],
  blue_lead: ['user:default/bo.bluelead'],
  viewer: ['group:default/engineering'],
};

/**
 * Catalog entities of the demo organisation plus extra users without any
 * group, with the relations the catalog's processing would add.
 */
export function demoCatalogEntities(extraUsers: string[] = []): Entity[] {
  const groupRef = (name: string) => `group:default/${name}`;
  const users = [
    ...DEMO_USERS,
    ...extraUsers.map(name => ({ name, memberOf: [] })),
  ];

  const groups: Entity[] = DEMO_GROUPS.map(group => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: group.name, namespace: 'default' },
    spec: { type: 'team', children: [] },
    relations: [
      ...(group.parent
        ? [{ type: 'childOf', targetRef: groupRef(group.parent) }]
        : []),
      ...DEMO_GROUPS.filter(child => child.parent === group.name).map(
        child => ({ type: 'parentOf', targetRef: groupRef(child.name) }),
      ),
      ...users
        .filter(user => user.memberOf.includes(group.name))
        .map(user => ({
          type: 'hasMember',
          targetRef: `user:default/${user.name}`,
        })),
    ],
  }));

  const userEntities: Entity[] = users.map(user => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: user.name, namespace: 'default' },
    spec: {
      profile: { displayName: user.name, email: `${user.name}@example.com` },
      memberOf: user.memberOf,
    },
    relations: user.memberOf.map(group => ({
      type: 'memberOf',
      targetRef: groupRef(group),
    })),
  }));

  const components: Entity[] = DEMO_COMPONENTS.map(name => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'platform-team',
      ...(name === 'payments-api' ? { system: 'payments' } : {}),
    },
  }));
  const system: Entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'payments', namespace: 'default' },
    spec: { owner: 'platform-team' },
  };

  return [...groups, ...userEntities, ...components, system];
}
