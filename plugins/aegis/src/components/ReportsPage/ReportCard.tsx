import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';

/**
 * One report: its filters, the downloads for those filters, and a preview
 * that shows the loading, the backend's error, or an empty result.
 */
export function ReportCard(props: {
  title: string;
  description: string;
  filters: ReactNode;
  downloads: ReactNode;
  loading?: boolean;
  error?: Error;
  empty?: boolean;
  emptyText?: string;
  children?: ReactNode;
}) {
  const { title, loading, error, empty } = props;

  let preview: ReactNode = props.children;
  if (loading) {
    preview = <Progress />;
  } else if (error) {
    preview = (
      <ResponseErrorPanel
        title={`${title} could not be loaded`}
        error={error}
      />
    );
  } else if (empty) {
    preview = <Typography color="textSecondary">{props.emptyText}</Typography>;
  }

  return (
    <InfoCard title={title} subheader={props.description}>
      <Box
        display="flex"
        flexWrap="wrap"
        gridGap={16}
        mb={2}
        role="group"
        aria-label={`${title} filters`}
      >
        {props.filters}
      </Box>
      <Box display="flex" flexWrap="wrap" gridGap={8} mb={2}>
        {props.downloads}
      </Box>
      {preview}
    </InfoCard>
  );
}
