import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';

/** What `useAsync` reports about a load. */
export interface LoadState<T> {
  loading: boolean;
  error?: Error;
  value?: T;
}

/**
 * A dashboard card that loads its own data: a progress bar while loading,
 * the backend's error if it failed, a sentence when there is nothing to
 * show, else the chart.
 */
export function MetricCard<T>(props: {
  title: string;
  subheader?: string;
  state: LoadState<T>;
  isEmpty: (value: T) => boolean;
  emptyText: string;
  children: (value: T) => ReactNode;
}) {
  const { title, subheader, state, isEmpty, emptyText } = props;
  const { value } = state;

  let body: ReactNode;
  if (state.loading) {
    body = <Progress />;
  } else if (state.error) {
    body = (
      <ResponseErrorPanel
        title={`${title} could not be loaded`}
        error={state.error}
      />
    );
  } else if (value === undefined || isEmpty(value)) {
    body = <Typography color="textSecondary">{emptyText}</Typography>;
  } else {
    body = props.children(value);
  }
  return (
    <InfoCard title={title} subheader={subheader}>
      {body}
    </InfoCard>
  );
}
