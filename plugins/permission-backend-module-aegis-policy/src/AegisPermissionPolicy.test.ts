import {
  aegisAuditReadPermission,
  aegisEvidenceDownloadPermission,
  aegisEvidenceReadPermission,
  aegisTemplateReadPermission,
  aegisTestReadPermission,
  aegisTestUpdatePermission,
  AegisRole,
} from '@aegis-security/plugin-aegis-common';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';
import { AegisPermissionPolicy } from './AegisPermissionPolicy';
import { AegisRoleLookup } from './AegisRoleClient';

const userRef = 'user:default/rex.redtech';

function policyFor(
  lookup: AegisRoleLookup['getRoles'],
  viewerMayDownloadEvidence = false,
) {
  return new AegisPermissionPolicy({
    roles: { getRoles: lookup },
    logger: mockServices.logger.mock(),
    viewerMayDownloadEvidence,
  });
}

function holding(roles: AegisRole[], active = true) {
  return async (ref: string) => ({ userEntityRef: ref, active, roles });
}

const user = { credentials: mockCredentials.user(userRef) } as PolicyQueryUser;

describe('AegisPermissionPolicy', () => {
  it("allows other plugins' permissions without looking up roles", async () => {
    const lookup = jest.fn();
    const catalogRead = createPermission({
      name: 'catalog.entity.read',
      attributes: { action: 'read' },
    });

    const decision = await policyFor(lookup).handle(
      { permission: catalogRead },
      user,
    );

    expect(decision).toEqual({ result: AuthorizeResult.ALLOW });
    expect(lookup).not.toHaveBeenCalled();
  });

  it('allows what the roles grant and denies the rest', async () => {
    const policy = policyFor(holding(['admin']));
    const viewer = policyFor(holding(['viewer']));

    expect(
      await policy.handle({ permission: aegisAuditReadPermission }, user),
    ).toEqual({ result: AuthorizeResult.ALLOW });
    expect(
      await viewer.handle({ permission: aegisAuditReadPermission }, user),
    ).toEqual({ result: AuthorizeResult.DENY });
  });

  it('grants a red tech the general test update only on tests they created', async () => {
    const decision = await policyFor(holding(['red_tech'])).handle(
      { permission: aegisTestUpdatePermission },
      user,
    );

    expect(decision).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'aegis',
      resourceType: 'aegis-test',
      conditions: {
        rule: 'IS_TEST_CREATOR',
        resourceType: 'aegis-test',
        params: { userEntityRef: userRef },
      },
    });
  });

  it('hides unrevealed blind tests from users on the blue side only', async () => {
    const hidden = {
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'aegis',
      resourceType: 'aegis-test',
      conditions: {
        not: {
          rule: 'IS_UNREVEALED_BLIND_TEST',
          resourceType: 'aegis-test',
          params: {},
        },
      },
    };
    const read = { permission: aegisTestReadPermission };

    expect(await policyFor(holding(['blue_tech'])).handle(read, user)).toEqual(
      hidden,
    );
    expect(await policyFor(holding(['blue_lead'])).handle(read, user)).toEqual(
      hidden,
    );
    expect(
      await policyFor(holding(['blue_tech', 'red_tech'])).handle(read, user),
    ).toEqual({ result: AuthorizeResult.ALLOW });
    expect(await policyFor(holding(['viewer'])).handle(read, user)).toEqual({
      result: AuthorizeResult.ALLOW,
    });
  });

  it('hides the evidence of unrevealed blind tests from blue-only users', async () => {
    const read = { permission: aegisEvidenceReadPermission };

    expect(await policyFor(holding(['blue_lead'])).handle(read, user)).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'aegis',
      resourceType: 'aegis-evidence',
      conditions: {
        not: {
          rule: 'IS_EVIDENCE_OF_UNREVEALED_BLIND_TEST',
          resourceType: 'aegis-evidence',
          params: {},
        },
      },
    });
    expect(await policyFor(holding(['red_lead'])).handle(read, user)).toEqual({
      result: AuthorizeResult.ALLOW,
    });
  });

  it('shows deactivated templates to admins only', async () => {
    const read = { permission: aegisTemplateReadPermission };

    expect(await policyFor(holding(['red_tech'])).handle(read, user)).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'aegis',
      resourceType: 'aegis-template',
      conditions: {
        rule: 'IS_TEMPLATE_ACTIVE',
        resourceType: 'aegis-template',
        params: {},
      },
    });
    expect(await policyFor(holding(['admin'])).handle(read, user)).toEqual({
      result: AuthorizeResult.ALLOW,
    });
  });

  it('combines the creator grant with blind hiding', async () => {
    const decision = await policyFor(holding(['red_tech', 'blue_lead'])).handle(
      { permission: aegisTestUpdatePermission },
      user,
    );

    // red_tech sees red work, so nothing is hidden: the creator rule alone.
    expect(decision).toMatchObject({
      result: AuthorizeResult.CONDITIONAL,
      conditions: { rule: 'IS_TEST_CREATOR' },
    });
  });

  it('denies a deactivated user, an anonymous caller and an unknown answer', async () => {
    const permission = aegisAuditReadPermission;

    expect(
      await policyFor(holding(['admin'], false)).handle({ permission }, user),
    ).toEqual({ result: AuthorizeResult.DENY });
    expect(
      await policyFor(holding(['admin'])).handle({ permission }, {
        credentials: mockCredentials.none(),
      } as PolicyQueryUser),
    ).toEqual({ result: AuthorizeResult.DENY });
    expect(
      await policyFor(async () => {
        throw new Error('Aegis is restarting');
      }).handle({ permission }, user),
    ).toEqual({ result: AuthorizeResult.DENY });
  });

  it('lets viewers download evidence only when configured to', async () => {
    const permission = aegisEvidenceDownloadPermission;

    expect(
      await policyFor(holding(['viewer'])).handle({ permission }, user),
    ).toEqual({ result: AuthorizeResult.DENY });
    expect(
      await policyFor(holding(['viewer']), true).handle({ permission }, user),
    ).toEqual({ result: AuthorizeResult.ALLOW });
  });
});
