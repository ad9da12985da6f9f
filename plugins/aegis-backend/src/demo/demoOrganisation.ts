import { AegisRole } from '@aegis-security/plugin-aegis-common';
import { Caller } from '../tests/TestWorkflow';

function person(name: string, roles: AegisRole[]): Caller {
  return { ref: `user:default/${name}`, isUser: true, roles };
}

/**
 * The people of the demo security team. The first of each list is a user of
 * the portal's demo organisation (examples/org.yaml), so that signing in as
 * them shows their own work.
 */
export const DEMO_PEOPLE = {
  admins: [person('ada.admin', ['admin'])],
  redLeads: [
    person('rosa.redlead', ['red_lead']),
    person('dan.reyes', ['red_lead']),
  ],
  blueLeads: [
    person('bo.bluelead', ['blue_lead']),
    person('priya.shah', ['blue_lead']),
  ],
  redTechs: [
    person('rex.redtech', ['red_tech']),
    person('mia.chen', ['red_tech']),
    person('omar.haddad', ['red_tech']),
    person('lena.kowalski', ['red_tech']),
  ],
  blueTechs: [
    person('bea.bluetech', ['blue_tech']),
    person('sam.okafor', ['blue_tech']),
    person('ines.moreau', ['blue_tech']),
    person('kai.nakamura', ['blue_tech']),
  ],
};

/** Catalog entities tests are run against. */
export const DEMO_TARGETS = [
  'component:default/payments-api',
  'component:default/sso-gateway',
  'component:default/checkout-web',
  'component:default/orders-service',
  'component:default/inventory-service',
  'component:default/customer-portal',
  'component:default/build-runners',
  'resource:default/payments-db',
  'resource:default/corporate-ad',
  'resource:default/vpn-gateway',
  'resource:default/k8s-prod-cluster',
  'resource:default/aws-prod-account',
  'system:default/payments',
  'system:default/identity',
];

/** Groups that own remediation work. */
export const DEMO_OWNER_GROUPS = [
  'group:default/platform-team',
  'group:default/blue-team',
  'group:default/security',
];

/** Defensive controls whose outcomes blue records. */
export const DEMO_CONTROLS = [
  'EDR',
  'SIEM correlation rule',
  'Network IDS',
  'Email gateway',
  'Web proxy',
  'Cloud audit logging',
  'Host firewall',
  'Application allow-listing',
  'DLP',
];

/** Platforms to fall back on when a technique names none. */
export const DEMO_PLATFORMS = [
  'Windows',
  'Linux',
  'macOS',
  'IaaS',
  'Containers',
];

export const DEMO_TOOLS = [
  'Atomic Red Team',
  'Caldera',
  'Sliver',
  'Impacket',
  'PowerShell',
  'curl',
  'Mimikatz',
  'Rubeus',
];

export const DEMO_TAGS = [
  'purple-team',
  'quarterly',
  'ransomware',
  'cloud',
  'identity',
  'initial-access',
  'regression',
  'crown-jewels',
];

export const DEMO_REMEDIATION_STEPS = [
  'Write a detection rule for the observed behaviour',
  'Forward the missing log source to the SIEM',
  'Tune the EDR policy to block the technique',
  'Add the rule to the detection regression suite',
  'Restrict the service account used in the test',
  'Document the response playbook',
];

/** Every user or group ref the demo data names, for the catalog check. */
export function demoEntityRefs(): Set<string> {
  return new Set([
    ...Object.values(DEMO_PEOPLE).flatMap(people =>
      people.map(caller => caller.ref),
    ),
    ...DEMO_TARGETS,
    ...DEMO_OWNER_GROUPS,
  ]);
}
