import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import { ReactNode, useState } from 'react';

/**
 * A section of a test with an "Edit" button when the backend lets the caller
 * edit it; the editor replaces the view and closes itself once saved.
 */
export function SectionCard(props: {
  title: string;
  editable: boolean;
  view: ReactNode;
  editor: (close: () => void) => ReactNode;
}) {
  const { title, editable } = props;
  const [editing, setEditing] = useState(false);
  const close = () => setEditing(false);

  return (
    <InfoCard title={title}>
      {editing && editable ? props.editor(close) : props.view}
      {editable && !editing && (
        <Box mt={2}>
          <Button
            variant="outlined"
            onClick={() => setEditing(true)}
            aria-label={`Edit ${title.toLocaleLowerCase('en-US')}`}
          >
            Edit
          </Button>
        </Box>
      )}
    </InfoCard>
  );
}

/** The Save and Cancel buttons of a section editor. */
export function EditorButtons(props: {
  onSave: () => void;
  onCancel: () => void;
  saving: boolean;
}) {
  return (
    <Box mt={2} display="flex" gridGap={8}>
      <Button
        variant="contained"
        color="primary"
        onClick={props.onSave}
        disabled={props.saving}
      >
        Save
      </Button>
      <Button onClick={props.onCancel} disabled={props.saving}>
        Cancel
      </Button>
    </Box>
  );
}

/** A labelled value of a section's read-only view. */
export function Field(props: { label: string; children: ReactNode }) {
  return (
    <Box mb={1}>
      <Box component="span" fontWeight="fontWeightBold">
        {props.label}:
      </Box>{' '}
      {props.children}
    </Box>
  );
}
