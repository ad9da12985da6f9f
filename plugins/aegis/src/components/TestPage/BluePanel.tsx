import {
  overallOutcome,
  TEST_SEVERITIES,
  type BlueWork,
  type SecurityTest,
  type TestSeverity,
} from '@aegis-security/plugin-aegis-common';
import { useApi } from '@backstage/core-plugin-api';
import TextField from '@material-ui/core/TextField';
import { useState } from 'react';
import { aegisApiRef } from '../../api/aegisApiRef';
import { CONTROL_RESULT_LABELS, SEVERITY_LABELS } from '../../workflowLabels';
import { ControlsEditor } from './ControlsEditor';
import {
  formatDuration,
  formatTime,
  fromLocalInput,
  toLocalInput,
} from './format';
import { Actors } from './RedPanel';
import { EditorButtons, Field, SectionCard } from './SectionCard';
import type { TestChange } from './useTest';
import { useSaving } from './useSaving';

/** What the blue team saw, read-only; also used for earlier rounds. */
export function BlueView(props: { blue: BlueWork }) {
  const { blue } = props;
  return (
    <>
      <Field label="Controls">
        {blue.controls.length === 0 && '—'}
        {blue.controls.map(({ control, result }) => (
          <div key={control}>
            {control}: {CONTROL_RESULT_LABELS[result]}
          </div>
        ))}
      </Field>
      <Field label="Overall outcome">
        {blue.outcome ? CONTROL_RESULT_LABELS[blue.outcome] : '—'}
      </Field>
      <Field label="Alert severity">
        {blue.alertSeverity ? SEVERITY_LABELS[blue.alertSeverity] : '—'}
      </Field>
      <Field label="Detected at">{formatTime(blue.detectedAt)}</Field>
      <Field label="Time to detect">
        {blue.timeToDetectSeconds === undefined
          ? '—'
          : formatDuration(blue.timeToDetectSeconds)}
      </Field>
      <Field label="Detection reference">
        {blue.detectionReference || '—'}
      </Field>
      <Field label="Notes">{blue.notes || '—'}</Field>
      <Actors actors={blue.actors} submittedBy={blue.submittedBy} />
    </>
  );
}

function BlueEditor(props: {
  blue: BlueWork;
  onChange: (change: TestChange) => Promise<boolean>;
  onClose: () => void;
}) {
  const { blue, onChange, onClose } = props;
  const aegisApi = useApi(aegisApiRef);
  const [controls, setControls] = useState(blue.controls);
  const [severity, setSeverity] = useState<TestSeverity | ''>(
    blue.alertSeverity ?? '',
  );
  const [detectedAt, setDetectedAt] = useState(toLocalInput(blue.detectedAt));
  const [reference, setReference] = useState(blue.detectionReference ?? '');
  const [notes, setNotes] = useState(blue.notes ?? '');
  const { saving, save } = useSaving(onClose);
  const outcome = overallOutcome(controls);

  const submit = () =>
    save(() =>
      onChange(test =>
        aegisApi.updateBlue(test.id, {
          version: test.version,
          controls: controls.filter(c => c.control.trim()),
          alertSeverity: severity || null,
          detectedAt: fromLocalInput(detectedAt),
          detectionReference: reference || null,
          notes: notes || null,
        }),
      ),
    );

  return (
    <>
      <ControlsEditor controls={controls} onChange={setControls} />
      <Field label="Overall outcome">
        {outcome ? CONTROL_RESULT_LABELS[outcome] : '—'}
      </Field>
      <TextField
        id="aegis-blue-severity"
        select
        label="Alert severity"
        value={severity}
        onChange={event =>
          setSeverity(TEST_SEVERITIES.find(s => s === event.target.value) ?? '')
        }
        SelectProps={{ native: true }}
        margin="dense"
      >
        <option value="">None</option>
        {TEST_SEVERITIES.map(s => (
          <option key={s} value={s}>
            {SEVERITY_LABELS[s]}
          </option>
        ))}
      </TextField>
      <TextField
        id="aegis-blue-detected-at"
        label="Detected at"
        type="datetime-local"
        value={detectedAt}
        onChange={event => setDetectedAt(event.target.value)}
        InputLabelProps={{ shrink: true }}
        margin="dense"
      />
      <TextField
        id="aegis-blue-reference"
        label="Detection reference"
        placeholder="Alert ID or link"
        value={reference}
        onChange={event => setReference(event.target.value)}
        fullWidth
        margin="dense"
      />
      <TextField
        id="aegis-blue-notes"
        label="Notes"
        value={notes}
        onChange={event => setNotes(event.target.value)}
        fullWidth
        multiline
        margin="dense"
      />
      <EditorButtons onSave={submit} onCancel={onClose} saving={saving} />
    </>
  );
}

/** The blue team's evaluation of the current round. */
export function BluePanel(props: {
  test: SecurityTest;
  editable: boolean;
  onChange: (change: TestChange) => Promise<boolean>;
}) {
  const { blue } = props.test.current;
  return (
    <SectionCard
      title="Blue"
      editable={props.editable}
      view={<BlueView blue={blue} />}
      editor={close => (
        <BlueEditor blue={blue} onChange={props.onChange} onClose={close} />
      )}
    />
  );
}
