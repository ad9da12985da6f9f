import type { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  coverageCounts,
  fakeAegisApi,
  renderInAegisApp,
  responseError,
  sampleEntityCoverage,
  sampleGapCoverage,
} from '../../__testUtils__';
import { rootRouteRef } from '../../routes';
import { EntityCoverageCard } from './EntityCoverageCard';
import { EntityCoverageContent } from './EntityCoverageContent';
import { isAegisCoverageAvailable } from './isAegisCoverageAvailable';

const component: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api', namespace: 'default' },
  spec: { type: 'service' },
};

function renderForEntity(element: JSX.Element, api = fakeAegisApi()) {
  return renderInAegisApp(
    <EntityProvider entity={component}>{element}</EntityProvider>,
    {
      api,
      mountedRoutes: {
        '/aegis': rootRouteRef,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
    },
  );
}

function emptyCoverage() {
  const api = fakeAegisApi();
  api.getEntityCoverage.mockImplementation(async entityRef => ({
    entityRef,
    entityRefs: [entityRef],
    counts: coverageCounts({
      validated: 0,
      partial: 0,
      in_progress: 0,
      not_covered: 0,
    }),
    byTactic: [],
    techniques: [],
    tests: [],
    openRemediation: [],
  }));
  return api;
}

describe('EntityCoverageCard', () => {
  it('asks for the coverage of the page entity and shows its figures', async () => {
    const api = fakeAegisApi();
    await renderForEntity(<EntityCoverageCard />, api);

    expect(await screen.findByText('50% validated')).toBeInTheDocument();
    expect(api.getEntityCoverage).toHaveBeenCalledWith(
      'component:default/payments-api',
    );
    const chips = within(
      screen.getByRole('list', { name: 'Techniques by status' }),
    );
    expect(chips.getByText('Validated: 1')).toBeInTheDocument();
    expect(chips.getByText('Confirmed gaps: 1')).toBeInTheDocument();
    expect(screen.getByText('Open remediations: 1')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'PowerShell download cradle' }),
    ).toHaveAttribute('href', '/aegis/tests/test-validated');
    expect(
      screen.getByRole('link', { name: /View ATT&CK coverage/ }),
    ).toHaveAttribute('href', '/catalog/default/component/payments-api/attack');
  });

  it('says when no test has run against the entity', async () => {
    await renderForEntity(<EntityCoverageCard />, emptyCoverage());

    expect(
      await screen.findByText(
        'No security test has run against this entity yet.',
      ),
    ).toBeInTheDocument();
  });

  it('shows the error when the coverage cannot be loaded', async () => {
    const api = fakeAegisApi();
    api.getEntityCoverage.mockRejectedValue(
      await responseError(400, 'Bad Request', 'entityRef is not a component'),
    );
    await renderForEntity(<EntityCoverageCard />, api);

    expect(
      await screen.findByText(/The ATT&CK coverage could not be loaded/),
    ).toBeInTheDocument();
  });
});

describe('EntityCoverageContent', () => {
  it('groups the tested techniques by tactic and links them', async () => {
    await renderForEntity(<EntityCoverageContent />);

    const execution = await screen.findByRole('region', { name: 'Execution' });
    expect(
      within(execution).getByRole('link', {
        name: 'T1059 Command and Scripting Interpreter',
      }),
    ).toHaveAttribute('href', '/aegis/techniques/T1059');
    const initial = screen.getByRole('region', { name: 'Initial Access' });
    expect(
      within(initial).getByRole('link', {
        name: 'T1566.002 Spearphishing Link',
      }),
    ).toBeInTheDocument();
  });

  it('lists the gaps, the tests and the open remediation', async () => {
    await renderForEntity(<EntityCoverageContent />);

    const gaps = within(await screen.findByRole('list', { name: 'Gaps' }));
    expect(gaps.getAllByRole('listitem')).toHaveLength(1);
    expect(gaps.getByText('Confirmed gap')).toBeInTheDocument();
    expect(screen.getByText('Scheduled task persistence')).toBeInTheDocument();
    expect(screen.getByText('group:default/blue-team')).toBeInTheDocument();
  });

  it('shows confirmed gaps first and the rest of a long list on request', async () => {
    const api = fakeAegisApi();
    const untested = Array.from({ length: 20 }, (_, i) => ({
      ...sampleGapCoverage,
      mitreId: `T1${String(i).padStart(3, '0')}`,
      name: `Uncovered ${i}`,
      confirmedGap: false,
    }));
    api.getEntityCoverage.mockImplementation(async entityRef => {
      const coverage = sampleEntityCoverage(entityRef);
      return {
        ...coverage,
        techniques: [...untested, ...coverage.techniques],
      };
    });
    await renderForEntity(<EntityCoverageContent />, api);

    const gaps = within(await screen.findByRole('list', { name: 'Gaps' }));
    const items = gaps.getAllByRole('listitem');
    expect(items).toHaveLength(15);
    expect(items[0]).toHaveTextContent('T1566.002 Spearphishing Link');
    expect(gaps.queryByText('T1019 Uncovered 19')).toBeNull();

    await userEvent.click(
      screen.getByRole('button', { name: 'Show all 21 gaps' }),
    );
    expect(gaps.getAllByRole('listitem')).toHaveLength(21);
    expect(gaps.getByText('T1019 Uncovered 19')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Show all/ })).toBeNull();
  });

  it('says when no test has run against the entity', async () => {
    await renderForEntity(<EntityCoverageContent />, emptyCoverage());

    expect(
      await screen.findByText(/No security test has run against this entity/),
    ).toBeInTheDocument();
  });
});

describe('isAegisCoverageAvailable', () => {
  it('holds for Components and Systems only', () => {
    expect(isAegisCoverageAvailable(component)).toBe(true);
    expect(isAegisCoverageAvailable({ ...component, kind: 'System' })).toBe(
      true,
    );
    expect(isAegisCoverageAvailable({ ...component, kind: 'User' })).toBe(
      false,
    );
  });
});
