import type {
  RedWork,
  SecurityTest,
} from '@aegis-security/plugin-aegis-common';
import { useApi } from '@backstage/core-plugin-api';
import TextField from '@material-ui/core/TextField';
import { useState } from 'react';
import { aegisApiRef } from '../../api/aegisApiRef';
import { formatTime, fromLocalInput, toLocalInput } from './format';
import { EditorButtons, Field, SectionCard } from './SectionCard';
import type { TestChange } from './useTest';
import { useSaving } from './useSaving';

/** Who worked on a side this round and who handed it on. */
export function Actors(props: { actors: string[]; submittedBy?: string }) {
  return (
    <>
      <Field label="Actors">{props.actors.join(', ') || '—'}</Field>
      {props.submittedBy && (
        <Field label="Submitted by">{props.submittedBy}</Field>
      )}
    </>
  );
}

/** What the red team did, read-only; also used for earlier rounds. */
export function RedView(props: { red: RedWork }) {
  const { red } = props;
  return (
    <>
      <Field label="Executed at">{formatTime(red.executedAt)}</Field>
      <Field label="Commands">
        <code style={{ whiteSpace: 'pre-wrap' }}>{red.commands || '—'}</code>
      </Field>
      <Field label="Result">{red.result || '—'}</Field>
      <Field label="Notes">{red.notes || '—'}</Field>
      <Actors actors={red.actors} submittedBy={red.submittedBy} />
    </>
  );
}

function RedEditor(props: {
  red: RedWork;
  onChange: (change: TestChange) => Promise<boolean>;
  onClose: () => void;
}) {
  const { red, onChange, onClose } = props;
  const aegisApi = useApi(aegisApiRef);
  const [executedAt, setExecutedAt] = useState(toLocalInput(red.executedAt));
  const [commands, setCommands] = useState(red.commands ?? '');
  const [result, setResult] = useState(red.result ?? '');
  const [notes, setNotes] = useState(red.notes ?? '');
  const { saving, save } = useSaving(onClose);

  const submit = () =>
    save(() =>
      onChange(test =>
        aegisApi.updateRed(test.id, {
          version: test.version,
          executedAt: fromLocalInput(executedAt),
          commands: commands || null,
          result: result || null,
          notes: notes || null,
        }),
      ),
    );
  const area = { fullWidth: true, multiline: true, margin: 'dense' as const };

  return (
    <>
      <TextField
        id="aegis-red-executed-at"
        label="Executed at"
        type="datetime-local"
        value={executedAt}
        onChange={event => setExecutedAt(event.target.value)}
        InputLabelProps={{ shrink: true }}
        margin="dense"
      />
      <TextField
        id="aegis-red-commands"
        label="Commands"
        value={commands}
        onChange={event => setCommands(event.target.value)}
        {...area}
      />
      <TextField
        id="aegis-red-result"
        label="Result"
        value={result}
        onChange={event => setResult(event.target.value)}
        {...area}
      />
      <TextField
        id="aegis-red-notes"
        label="Notes"
        value={notes}
        onChange={event => setNotes(event.target.value)}
        {...area}
      />
      <EditorButtons onSave={submit} onCancel={onClose} saving={saving} />
    </>
  );
}

/** The red team's work of the current round. */
export function RedPanel(props: {
  test: SecurityTest;
  editable: boolean;
  onChange: (change: TestChange) => Promise<boolean>;
}) {
  const { red } = props.test.current;
  return (
    <SectionCard
      title="Red"
      editable={props.editable}
      view={<RedView red={red} />}
      editor={close => (
        <RedEditor red={red} onChange={props.onChange} onClose={close} />
      )}
    />
  );
}
