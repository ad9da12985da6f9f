import { InfoCard, Progress, Table } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { aegisApiRef } from '../../api/aegisApiRef';
import { describeError } from '../../api/responseErrors';
import { formatTime } from './format';
import { describeAction, summarizeChange } from './timelineSummary';

/**
 * Who did what to the test and when, from the audit log; `reloadKey` changes
 * after each change made on the page, so the new entry appears.
 */
export function TimelinePanel(props: { testId: string; reloadKey: number }) {
  const { testId, reloadKey } = props;
  const aegisApi = useApi(aegisApiRef);
  const timeline = useAsync(
    () => aegisApi.getTestTimeline(testId),
    [aegisApi, testId, reloadKey],
  );

  if (timeline.loading) {
    return <Progress />;
  }
  if (timeline.error) {
    return (
      <Typography color="error">
        The timeline could not be loaded: {describeError(timeline.error)}
      </Typography>
    );
  }
  return (
    <InfoCard title="Timeline" noPadding>
      <Table
        options={{
          paging: false,
          search: false,
          toolbar: false,
          sorting: false,
        }}
        data={timeline.value?.items ?? []}
        columns={[
          { title: 'Time', render: entry => formatTime(entry.occurredAt) },
          { title: 'Actor', field: 'actor' },
          { title: 'Action', render: entry => describeAction(entry.action) },
          {
            title: 'Change',
            render: entry => summarizeChange(entry.before, entry.after),
          },
        ]}
      />
    </InfoCard>
  );
}
