import Box from '@material-ui/core/Box';
import { useTheme } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { coverageColours } from '../../coverageLabels';
import { LEGEND } from './coverageStatus';

/** What the colours and markers of the matrix cells mean. */
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
        {LEGEND.map(({ key, look, label, description }) => (
          <Box component="li" key={key} display="flex" alignItems="center">
            <Box
              width={16}
              height={16}
              mr={1}
              border={2}
              borderRadius={4}
              flexShrink={0}
              style={coverageColours(look, theme)}
            />
            <Typography variant="body2">
              <strong>{label}</strong>: {description}
            </Typography>
          </Box>
        ))}
      </Box>
      <Typography variant="caption" color="textSecondary">
        A technique with sub-techniques shows the best status among its own
        tests and theirs.
      </Typography>
    </Box>
  );
}
