import {
  REMEDIATION_STATUSES,
  type Remediation,
  type RemediationStatus,
  type SecurityTest,
} from '@aegis-security/plugin-aegis-common';
import { useApi } from '@backstage/core-plugin-api';
import TextField from '@material-ui/core/TextField';
import { useState } from 'react';
import { aegisApiRef } from '../../api/aegisApiRef';
import { REMEDIATION_STATUS_LABELS } from '../../workflowLabels';
import { formatTime } from './format';
import { EditorButtons, Field, SectionCard } from './SectionCard';
import { StepsEditor } from './StepsEditor';
import type { TestChange } from './useTest';
import { useSaving } from './useSaving';

function RemediationView(props: { remediation?: Remediation }) {
  const { remediation } = props;
  if (!remediation) {
    return <>No remediation planned.</>;
  }
  return (
    <>
      <Field label="Status">
        {REMEDIATION_STATUS_LABELS[remediation.status]}
      </Field>
      <Field label="Owner">{remediation.owner ?? '—'}</Field>
      <Field label="Due date">{remediation.dueDate ?? '—'}</Field>
      <Field label="Steps">
        {remediation.steps.length === 0 && '—'}
        <ol>
          {remediation.steps.map((step, index) => (
            <li key={index}>
              {step.title} ({REMEDIATION_STATUS_LABELS[step.status]})
            </li>
          ))}
        </ol>
      </Field>
      <Field label="Last update">
        {remediation.updatedBy} at {formatTime(remediation.updatedAt)}
      </Field>
    </>
  );
}

function RemediationEditor(props: {
  remediation?: Remediation;
  onChange: (change: TestChange) => Promise<boolean>;
  onClose: () => void;
}) {
  const { remediation, onChange, onClose } = props;
  const aegisApi = useApi(aegisApiRef);
  const [status, setStatus] = useState<RemediationStatus>(
    remediation?.status ?? 'open',
  );
  const [owner, setOwner] = useState(remediation?.owner ?? '');
  const [dueDate, setDueDate] = useState(remediation?.dueDate ?? '');
  const [steps, setSteps] = useState(remediation?.steps ?? []);
  const { saving, save } = useSaving(onClose);

  const submit = () =>
    save(() =>
      onChange(test =>
        aegisApi.updateRemediation(test.id, {
          version: test.version,
          status,
          owner: owner.trim() || null,
          dueDate: dueDate || null,
          steps: steps.filter(step => step.title.trim()),
        }),
      ),
    );

  return (
    <>
      <TextField
        id="aegis-remediation-status"
        select
        label="Status"
        value={status}
        onChange={event => {
          const next = REMEDIATION_STATUSES.find(s => s === event.target.value);
          if (next) setStatus(next);
        }}
        SelectProps={{ native: true }}
        margin="dense"
      >
        {REMEDIATION_STATUSES.map(s => (
          <option key={s} value={s}>
            {REMEDIATION_STATUS_LABELS[s]}
          </option>
        ))}
      </TextField>
      <TextField
        id="aegis-remediation-owner"
        label="Owner"
        placeholder="group:default/team"
        helperText="A catalog user or group entity ref"
        value={owner}
        onChange={event => setOwner(event.target.value)}
        fullWidth
        margin="dense"
      />
      <TextField
        id="aegis-remediation-due"
        label="Due date"
        type="date"
        value={dueDate}
        onChange={event => setDueDate(event.target.value)}
        InputLabelProps={{ shrink: true }}
        margin="dense"
      />
      <StepsEditor steps={steps} onChange={setSteps} />
      <EditorButtons onSave={submit} onCancel={onClose} saving={saving} />
    </>
  );
}

/** How the weaknesses a test found get fixed, in every state. */
export function RemediationPanel(props: {
  test: SecurityTest;
  editable: boolean;
  onChange: (change: TestChange) => Promise<boolean>;
}) {
  const { remediation } = props.test;
  return (
    <SectionCard
      title="Remediation"
      editable={props.editable}
      view={<RemediationView remediation={remediation} />}
      editor={close => (
        <RemediationEditor
          remediation={remediation}
          onChange={props.onChange}
          onClose={close}
        />
      )}
    />
  );
}
