import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Alert from '@material-ui/lab/Alert';
import { ReactNode } from 'react';

/** Properties of {@link ActionDialog}. */
export interface ActionDialogProps {
  /** Unique on the page; names the dialog for assistive technology. */
  id: string;
  title: string;
  submitLabel: string;
  onSubmit: () => void;
  onClose: () => void;
  submitting: boolean;
  submitDisabled?: boolean;
  /** What the backend answered when the change failed. */
  error?: string;
  children: ReactNode;
}

/** The frame of the user administration dialogs: content, error, buttons. */
export function ActionDialog(props: ActionDialogProps) {
  const { title, submitLabel, onSubmit, onClose, submitting, error } = props;
  const titleId = `${props.id}-title`;

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} fullWidth>
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent>
        {props.children}
        {error && <Alert severity="error">{error}</Alert>}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          onClick={onSubmit}
          disabled={submitting || props.submitDisabled}
        >
          {submitLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
