import type {
  SecurityTest,
  TestVote,
  VoteDecision,
} from '@aegis-security/plugin-aegis-common';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { aegisApiRef } from '../../api/aegisApiRef';
import { formatTime } from './format';
import { Field } from './SectionCard';
import type { TestChange } from './useTest';
import { useSaving } from './useSaving';

type Side = 'red' | 'blue';

const SIDE_LABELS: Record<Side, string> = { red: 'Red', blue: 'Blue' };

function VoteView(props: { vote?: TestVote }) {
  const { vote } = props;
  if (!vote) {
    return <Typography color="textSecondary">No vote yet</Typography>;
  }
  return (
    <>
      <Field label="Decision">
        {vote.decision === 'approve' ? 'Approved' : 'Rejected'}
      </Field>
      <Field label="Voter">
        {vote.voter} at {formatTime(vote.votedAt)}
      </Field>
      <Field label="Comment">{vote.comment}</Field>
      {vote.override && (
        <Field label="Admin override">{vote.overrideReason ?? '—'}</Field>
      )}
    </>
  );
}

/**
 * The vote form of one side. The comment is required; someone who votes
 * without holding the side's lead role (an admin) votes in the lead's place
 * and must say why.
 */
function VoteForm(props: {
  side: Side;
  override: boolean;
  onChange: (change: TestChange) => Promise<boolean>;
}) {
  const { side, override, onChange } = props;
  const aegisApi = useApi(aegisApiRef);
  const [comment, setComment] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  const { saving, save } = useSaving(() => setComment(''));

  const vote = (decision: VoteDecision) =>
    save(() =>
      onChange(test =>
        aegisApi.transitionTest(test.id, `validate-${side}`, {
          decision,
          comment: comment.trim(),
          overrideReason: overrideReason.trim() || undefined,
        }),
      ),
    );
  const blocked =
    saving || !comment.trim() || (override && !overrideReason.trim());

  return (
    <Box mt={2}>
      <TextField
        id={`aegis-vote-${side}-comment`}
        label={`${SIDE_LABELS[side]} vote comment`}
        value={comment}
        onChange={event => setComment(event.target.value)}
        required
        fullWidth
        multiline
        margin="dense"
      />
      {override && (
        <TextField
          id={`aegis-vote-${side}-override`}
          label="Override reason"
          helperText={`You vote in the ${side} lead's place; this is recorded as an override`}
          value={overrideReason}
          onChange={event => setOverrideReason(event.target.value)}
          required
          fullWidth
          margin="dense"
        />
      )}
      <Box mt={1} display="flex" gridGap={8}>
        <Button
          variant="contained"
          color="primary"
          disabled={blocked}
          onClick={() => vote('approve')}
        >
          Approve {side}
        </Button>
        <Button
          variant="outlined"
          disabled={blocked}
          onClick={() => vote('reject')}
        >
          Reject {side}
        </Button>
      </Box>
    </Box>
  );
}

/** The red and blue leads' votes, and the vote form of the caller's sides. */
export function VotePanel(props: {
  test: SecurityTest;
  onChange: (change: TestChange) => Promise<boolean>;
}) {
  const { test, onChange } = props;
  const sides: Side[] = ['red', 'blue'];
  const aegisApi = useApi(aegisApiRef);
  const me = useAsync(() => aegisApi.getMe(), [aegisApi]);
  const roles = me.value?.roles;

  return (
    <InfoCard title="Validation">
      <Grid container spacing={2}>
        {sides.map(side => (
          <Grid item xs={12} md={6} key={side}>
            <Typography variant="h6">{SIDE_LABELS[side]} lead</Typography>
            <VoteView vote={test.current.votes[side]} />
            {test.allowedActions.includes(`validate-${side}`) && (
              <VoteForm
                side={side}
                override={!!roles && !roles.includes(`${side}_lead`)}
                onChange={onChange}
              />
            )}
          </Grid>
        ))}
      </Grid>
    </InfoCard>
  );
}
