import {
  Content,
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRefParams } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { aegisApiRef } from '../../api/aegisApiRef';
import { isNotFound } from '../../api/responseErrors';
import { techniqueRouteRef } from '../../routes';
import { TechniqueDetails } from './TechniqueDetails';

/** The page of one ATT&CK technique or sub-technique. */
export function TechniquePage() {
  const { mitreId } = useRouteRefParams(techniqueRouteRef);
  const aegisApi = useApi(aegisApiRef);
  const technique = useAsync(
    () => aegisApi.getTechnique(mitreId),
    [aegisApi, mitreId],
  );

  if (technique.loading) {
    return <Progress />;
  }
  return (
    <Content>
      {isNotFound(technique.error) && (
        <EmptyState
          missing="data"
          title={`Technique ${mitreId} not found`}
          description="Aegis knows no ATT&CK technique with this ID. Check the ID, or ask an Aegis administrator to sync ATT&CK if it is new."
        />
      )}
      {technique.error && !isNotFound(technique.error) && (
        <ResponseErrorPanel
          title={`Technique ${mitreId} could not be loaded`}
          error={technique.error}
        />
      )}
      {technique.value && <TechniqueDetails technique={technique.value} />}
    </Content>
  );
}
