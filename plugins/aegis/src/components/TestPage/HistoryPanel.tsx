import type { TestRound } from '@aegis-security/plugin-aegis-common';
import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import { BlueView } from './BluePanel';
import { RedView } from './RedPanel';

/** The rounds before the last reopen, read-only and folded away. */
export function HistoryPanel(props: { history: TestRound[] }) {
  if (props.history.length === 0) {
    return null;
  }
  return (
    <Accordion>
      <AccordionSummary expandIcon={<ExpandMoreIcon />}>
        <Typography>Earlier rounds ({props.history.length})</Typography>
      </AccordionSummary>
      <AccordionDetails style={{ display: 'block' }}>
        {props.history.map(round => (
          <Grid container spacing={2} key={round.round}>
            <Grid item xs={12}>
              <Typography variant="h6">Round {round.round}</Typography>
            </Grid>
            <Grid item xs={12} md={6}>
              <Typography variant="subtitle1">Red</Typography>
              <RedView red={round.red} />
            </Grid>
            <Grid item xs={12} md={6}>
              <Typography variant="subtitle1">Blue</Typography>
              <BlueView blue={round.blue} />
            </Grid>
          </Grid>
        ))}
      </AccordionDetails>
    </Accordion>
  );
}
