import { TEST_SEVERITIES } from '@aegis-security/plugin-aegis-common';
import TextField from '@material-ui/core/TextField';
import { SEVERITY_LABELS } from '../../workflowLabels';
import { ChipsInput, TechniquePicker } from '../TestForm';
import {
  missingTemplateFields,
  type TemplateFormValues,
} from './templateFormValues';

type LongText = 'description' | 'procedure' | 'expectedDetection';

const LONG_TEXT_LABELS: Record<LongText, string> = {
  description: 'Description',
  procedure: 'Procedure',
  expectedDetection: 'Expected detection',
};

/**
 * The fields of a template. Hints of missing fields wait for `showMissing`
 * so that a new, empty form does not open in red.
 */
export function TemplateFormFields(props: {
  values: TemplateFormValues;
  /**
   * Called with a change to apply to the current values (a state setter
   * fits): edits that follow each other before a render never undo one
   * another.
   */
  onChange: (
    update: (current: TemplateFormValues) => TemplateFormValues,
  ) => void;
  showMissing: boolean;
  disabled: boolean;
}) {
  const { values, onChange, disabled } = props;
  const missing = props.showMissing ? missingTemplateFields(values) : {};
  const change = (fields: Partial<TemplateFormValues>) =>
    onChange(current => ({ ...current, ...fields }));
  const longText = (key: LongText) => (
    <TextField
      id={`aegis-template-${key}`}
      label={LONG_TEXT_LABELS[key]}
      value={values[key]}
      onChange={event => change({ [key]: event.target.value })}
      disabled={disabled}
      multiline
      minRows={2}
      fullWidth
      margin="dense"
    />
  );

  return (
    <>
      <TextField
        id="aegis-template-name"
        label="Name"
        value={values.name}
        onChange={event => change({ name: event.target.value })}
        required
        error={Boolean(missing.name)}
        helperText={missing.name}
        disabled={disabled}
        fullWidth
        margin="dense"
      />
      {longText('description')}
      <TechniquePicker
        values={values.techniques}
        onChange={techniques => change({ techniques })}
        error={missing.techniques}
        disabled={disabled}
      />
      <TextField
        id="aegis-template-platform"
        label="Platform"
        placeholder="Windows, Linux, macOS, …"
        value={values.platform}
        onChange={event => change({ platform: event.target.value })}
        required
        error={Boolean(missing.platform)}
        helperText={missing.platform}
        disabled={disabled}
        fullWidth
        margin="dense"
      />
      <TextField
        id="aegis-template-severity"
        select
        label="Severity"
        value={values.severity}
        onChange={event => {
          const severity = TEST_SEVERITIES.find(s => s === event.target.value);
          if (severity) change({ severity });
        }}
        SelectProps={{ native: true }}
        disabled={disabled}
        fullWidth
        margin="dense"
      >
        {TEST_SEVERITIES.map(severity => (
          <option key={severity} value={severity}>
            {SEVERITY_LABELS[severity]}
          </option>
        ))}
      </TextField>
      {longText('procedure')}
      <ChipsInput
        id="aegis-template-tools"
        label="Tools"
        values={values.tools}
        onChange={tools => change({ tools })}
        disabled={disabled}
      />
      {longText('expectedDetection')}
      <ChipsInput
        id="aegis-template-tags"
        label="Tags"
        values={values.tags}
        onChange={tags => change({ tags })}
        disabled={disabled}
      />
    </>
  );
}
