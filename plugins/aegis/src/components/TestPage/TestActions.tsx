import type {
  SecurityTest,
  TestAction,
} from '@aegis-security/plugin-aegis-common';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import { useState } from 'react';
import { aegisApiRef } from '../../api/aegisApiRef';
import { ACTION_LABELS } from '../../workflowLabels';
import type { TestChange } from './useTest';
import { useSaving } from './useSaving';

type StateAction = Exclude<TestAction, 'validate-red' | 'validate-blue'>;

/** Why each action asks for confirmation: none can be undone by its author. */
const CONFIRMATIONS: Record<StateAction, string> = {
  'start-execution': 'The general fields are frozen once execution starts.',
  'submit-red': 'The red work is handed to the blue team and frozen.',
  'submit-blue': 'The blue evaluation is handed to the leads for review.',
  reopen: 'A new round starts in draft; this round stays in the history.',
};

function isStateAction(action: TestAction): action is StateAction {
  return action in CONFIRMATIONS;
}

function ConfirmDialog(props: {
  action: StateAction;
  onChange: (change: TestChange) => Promise<boolean>;
  onClose: () => void;
}) {
  const { action, onChange, onClose } = props;
  const aegisApi = useApi(aegisApiRef);
  const [comment, setComment] = useState('');
  const { saving, save } = useSaving(onClose);
  const label = ACTION_LABELS[action];

  const confirm = () =>
    save(() =>
      onChange(test =>
        aegisApi.transitionTest(
          test.id,
          action,
          action === 'reopen' && comment.trim()
            ? { comment: comment.trim() }
            : undefined,
        ),
      ),
    );

  return (
    <Dialog open onClose={onClose} aria-labelledby="aegis-action-title">
      <DialogTitle id="aegis-action-title">{label}?</DialogTitle>
      <DialogContent>
        <DialogContentText>{CONFIRMATIONS[action]}</DialogContentText>
        {action === 'reopen' && (
          <TextField
            id="aegis-reopen-comment"
            label="Comment"
            value={comment}
            onChange={event => setComment(event.target.value)}
            fullWidth
            multiline
          />
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          variant="contained"
          color="primary"
          onClick={confirm}
          disabled={saving}
        >
          {label}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/**
 * The state changes the backend allows this caller now; votes have their own
 * form in the validation panel.
 */
export function TestActions(props: {
  test: SecurityTest;
  onChange: (change: TestChange) => Promise<boolean>;
}) {
  const [asked, setAsked] = useState<StateAction>();
  const actions = props.test.allowedActions.filter(isStateAction);

  if (actions.length === 0) {
    return null;
  }
  return (
    <Box display="flex" gridGap={8}>
      {actions.map(action => (
        <Button
          key={action}
          variant="contained"
          color="primary"
          onClick={() => setAsked(action)}
        >
          {ACTION_LABELS[action]}
        </Button>
      ))}
      {asked && (
        <ConfirmDialog
          action={asked}
          onChange={props.onChange}
          onClose={() => setAsked(undefined)}
        />
      )}
    </Box>
  );
}
