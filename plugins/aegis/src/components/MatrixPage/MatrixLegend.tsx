import Box from '@material-ui/core/Box';
import { useTheme } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { COVERAGE_STATUSES, coverageColours } from './coverageStatus';

/** What the colours of the matrix cells mean. */
export function MatrixLegend() {
  const theme = useTheme();

  return (
    <Box mb={2}>
      <Box
        component="ul"
        aria-label="Legend"
        display="flex"
        flexWrap="wrap"
        gridGap={16}
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
      >
        {COVERAGE_STATUSES.map(({ status, label, description }) => (
          <Box component="li" key={status} display="flex" alignItems="center">
            <Box
              width={16}
              height={16}
              mr={1}
              border={1}
              borderRadius={4}
              style={coverageColours(status, theme)}
            />
            <Typography variant="body2">
              <strong>{label}</strong>: {description}
            </Typography>
          </Box>
        ))}
      </Box>
      <Typography variant="caption" color="textSecondary">
        Aegis does not track coverage yet, so every technique shows as not
        assessed.
      </Typography>
    </Box>
  );
}
