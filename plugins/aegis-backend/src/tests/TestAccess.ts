import {
  aegisTestReadPermission,
  TEST_ACTIONS,
  TEST_SECTION_RULES,
  TEST_SECTIONS,
  TEST_TRANSITIONS,
  TestAction,
  TestSection,
} from '@aegis-security/plugin-aegis-common';
import {
  BackstageCredentials,
  PermissionsRegistryService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  PermissionCriteria,
  PolicyDecision,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  createConditionAuthorizer,
  createConditionTransformer,
} from '@backstage/plugin-permission-node';
import { TestFacts, TestQuery, testResourceRef } from './permissionRules';

/** Every permission that is decided per test. */
const TEST_PERMISSIONS: ResourcePermission<'aegis-test'>[] = [
  aegisTestReadPermission,
  ...TEST_ACTIONS.map(action => TEST_TRANSITIONS[action].permission),
  ...TEST_SECTIONS.map(section => TEST_SECTION_RULES[section].permission),
].filter(
  (permission, index, all) =>
    all.findIndex(other => other.name === permission.name) === index,
) as ResourcePermission<'aegis-test'>[];

/**
 * The caller's decisions on every test permission, asked of the permission
 * framework in one batch. Conditional decisions are applied to a test with
 * the rules' `apply`, or to a list query with their `toQuery`.
 */
export class TestDecisions {
  constructor(
    private readonly decisions: Map<string, PolicyDecision>,
    private readonly authorizer: (
      decision: PolicyDecision,
      resource: TestFacts,
    ) => boolean,
    private readonly transform: (
      decision: PolicyDecision & { result: AuthorizeResult.CONDITIONAL },
    ) => PermissionCriteria<TestQuery>,
  ) {}

  /** Whether the caller holds a permission on this test. */
  allows(permission: ResourcePermission, test: TestFacts): boolean {
    const decision = this.decisions.get(permission.name);
    return decision ? this.authorizer(decision, test) : false;
  }

  /**
   * The policy's decisions on these permissions as plain data (results and
   * conditions with their parameters): what a cached answer computed under
   * them is keyed by. Two callers with equal keys may read the same tests.
   */
  cacheKey(...permissions: ResourcePermission[]): unknown[] {
    return permissions.map(permission => {
      const decision = this.decisions.get(permission.name);
      return [
        permission.name,
        decision?.result ?? null,
        conditionsOf(decision),
      ];
    });
  }

  /** Whether the caller is denied a permission on every test. */
  deniesAll(permission: ResourcePermission): boolean {
    return this.decisions.get(permission.name)?.result === AuthorizeResult.DENY;
  }

  /**
   * The SQL condition that limits a list to the tests the caller holds a
   * permission on; undefined when it holds it on all of them.
   */
  criteriaFor(
    permission: ResourcePermission,
  ): PermissionCriteria<TestQuery> | undefined {
    const decision = this.decisions.get(permission.name);
    if (decision?.result === AuthorizeResult.CONDITIONAL) {
      return this.transform(decision);
    }
    return undefined;
  }

  /** The state changes the caller may ask for on this test now. */
  allowedActions(test: TestFacts & { state: string }): TestAction[] {
    return TEST_ACTIONS.filter(action => {
      const transition = TEST_TRANSITIONS[action];
      return (
        transition.from === test.state &&
        this.allows(transition.permission, test)
      );
    });
  }

  /** The sections the caller may edit on this test now. */
  editableSections(test: TestFacts & { state: string }): TestSection[] {
    return TEST_SECTIONS.filter(section => {
      const rule = TEST_SECTION_RULES[section];
      return (
        (rule.states as readonly string[]).includes(test.state) &&
        this.allows(rule.permission, test)
      );
    });
  }
}

/** Asks the permission framework for the caller's test decisions. */
export class TestAccess {
  private readonly authorizer;
  private readonly transform;

  constructor(
    private readonly permissions: PermissionsService,
    registry: PermissionsRegistryService,
  ) {
    const ruleset = registry.getPermissionRuleset(testResourceRef);
    this.authorizer = createConditionAuthorizer(ruleset);
    this.transform = createConditionTransformer(ruleset);
  }

  async decide(credentials: BackstageCredentials): Promise<TestDecisions> {
    const answers = await this.permissions.authorizeConditional(
      TEST_PERMISSIONS.map(permission => ({ permission })),
      { credentials },
    );
    const decisions = new Map(
      TEST_PERMISSIONS.map((permission, index) => [
        permission.name,
        answers[index],
      ]),
    );
    return new TestDecisions(decisions, this.authorizer, decision =>
      this.transform(decision.conditions),
    );
  }
}

function conditionsOf(decision: PolicyDecision | undefined): unknown {
  return decision?.result === AuthorizeResult.CONDITIONAL
    ? decision.conditions
    : null;
}
