import type { ValidationRate } from '@aegis-security/plugin-aegis-common';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import useAsync from 'react-use/esm/useAsync';
import { aegisApiRef } from '../../api/aegisApiRef';
import { coverageHue } from '../../coverageLabels';
import type { DateWindow } from './dateWindow';
import { MetricCard } from './MetricCard';
import { userLabel } from './userLabel';

type Lead = ValidationRate['leads'][number];

/** Approvals and rejections side by side, as a bar that fills the cell. */
function RateBar(props: { lead: Lead }) {
  const { lead } = props;
  return (
    <Box
      display="flex"
      height={10}
      width="100%"
      minWidth={80}
      borderRadius={2}
      overflow="hidden"
      aria-hidden
    >
      <Box
        width={`${lead.approvalRate}%`}
        style={{ backgroundColor: coverageHue('validated') }}
      />
      <Box
        width={`${lead.rejectionRate}%`}
        style={{ backgroundColor: coverageHue('confirmedGap') }}
      />
    </Box>
  );
}

/** How often each red and blue lead approved or rejected a test result. */
export function ValidationRateCard(props: { window: DateWindow }) {
  const { from, to } = props.window;
  const aegisApi = useApi(aegisApiRef);
  const state = useAsync(
    () => aegisApi.getValidationRate({ from, to }),
    [aegisApi, from, to],
  );

  return (
    <MetricCard
      title="Validation by lead"
      subheader="Approved and rejected results"
      state={state}
      isEmpty={rate => rate.leads.length === 0}
      emptyText="No lead voted in this window."
    >
      {rate => (
        <Table size="small" aria-label="Validation rates per lead">
          <TableHead>
            <TableRow>
              <TableCell>Lead</TableCell>
              <TableCell>Side</TableCell>
              <TableCell align="right">Approved</TableCell>
              <TableCell align="right">Rejected</TableCell>
              <TableCell>Rate</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rate.leads.map(lead => (
              <TableRow key={`${lead.userRef}:${lead.side}`}>
                <TableCell>{userLabel(lead.userRef)}</TableCell>
                <TableCell>{lead.side === 'red' ? 'Red' : 'Blue'}</TableCell>
                <TableCell align="right">
                  {lead.approvals} ({lead.approvalRate}%)
                </TableCell>
                <TableCell align="right">
                  {lead.rejections} ({lead.rejectionRate}%)
                </TableCell>
                <TableCell>
                  <RateBar lead={lead} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </MetricCard>
  );
}
