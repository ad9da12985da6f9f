import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { entityRouteRef, useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { CoverageFigures } from './CoverageFigures';
import { useEntityCoverage } from './useEntityCoverage';

/** The path of the entity's ATT&CK tab, as mounted by the plugin. */
export const ATTACK_TAB_PATH = 'attack';

/**
 * The "ATT&CK coverage" card of a Component or System page: the headline
 * figures, with a link to the full ATT&CK tab.
 */
export function EntityCoverageCard() {
  const { entity } = useEntity();
  const entityRoute = useRouteRef(entityRouteRef);
  const coverage = useEntityCoverage();
  const tabLink = `${entityRoute({
    kind: entity.kind.toLocaleLowerCase('en-US'),
    namespace: entity.metadata.namespace ?? 'default',
    name: entity.metadata.name,
  })}/${ATTACK_TAB_PATH}`;

  return (
    <InfoCard
      title="ATT&CK coverage"
      deepLink={{ title: 'View ATT&CK coverage', link: tabLink }}
    >
      {coverage.loading && <Progress />}
      {coverage.error && (
        <ResponseErrorPanel
          title="The ATT&CK coverage could not be loaded"
          error={coverage.error}
        />
      )}
      {coverage.value && coverage.value.counts.total === 0 && (
        <Typography color="textSecondary">
          No security test has run against this entity yet.
        </Typography>
      )}
      {coverage.value && coverage.value.counts.total > 0 && (
        <CoverageFigures coverage={coverage.value} />
      )}
    </InfoCard>
  );
}
