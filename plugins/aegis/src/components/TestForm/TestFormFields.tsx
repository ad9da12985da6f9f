import { TEST_SEVERITIES } from '@aegis-security/plugin-aegis-common';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import TextField from '@material-ui/core/TextField';
import { SEVERITY_LABELS } from '../../workflowLabels';
import { ChipsInput } from './ChipsInput';
import { TargetPicker } from './TargetPicker';
import { TechniquePicker } from './TechniquePicker';
import { missingFields, type TestFormValues } from './testFormValues';

/**
 * The general fields of a test, shared by the creation form and the general
 * editor. Required-field hints appear once `showMissing` is set, so an empty
 * form does not start out red.
 */
export function TestFormFields(props: {
  values: TestFormValues;
  /**
   * Called with a change to apply to the current values (a state setter
   * fits): edits that follow each other before a render never undo one
   * another.
   */
  onChange: (update: (current: TestFormValues) => TestFormValues) => void;
  showMissing: boolean;
  disabled?: boolean;
}) {
  const { values, onChange, disabled } = props;
  const missing = props.showMissing ? missingFields(values) : {};
  const set = <K extends keyof TestFormValues>(
    key: K,
    value: TestFormValues[K],
  ) => onChange(current => ({ ...current, [key]: value }));
  const text = (key: 'description' | 'procedure' | 'expectedDetection') => ({
    value: values[key],
    onChange: (event: { target: { value: string } }) =>
      set(key, event.target.value),
    disabled,
    fullWidth: true,
    multiline: true,
    minRows: 2,
    margin: 'dense' as const,
  });

  return (
    <>
      <TextField
        id="aegis-test-title"
        label="Title"
        value={values.title}
        onChange={event => set('title', event.target.value)}
        required
        error={Boolean(missing.title)}
        helperText={missing.title}
        disabled={disabled}
        fullWidth
        margin="dense"
      />
      <TextField
        id="aegis-test-description"
        label="Description"
        {...text('description')}
      />
      <TechniquePicker
        values={values.techniques}
        onChange={techniques => set('techniques', techniques)}
        error={missing.techniques}
        disabled={disabled}
      />
      <TextField
        id="aegis-test-platform"
        label="Platform"
        placeholder="Windows, Linux, macOS, …"
        value={values.platform}
        onChange={event => set('platform', event.target.value)}
        required
        error={Boolean(missing.platform)}
        helperText={missing.platform}
        disabled={disabled}
        fullWidth
        margin="dense"
      />
      <TargetPicker
        values={values.targets}
        onChange={targets => set('targets', targets)}
        disabled={disabled}
      />
      <TextField
        id="aegis-test-severity"
        select
        label="Severity"
        value={values.severity}
        onChange={event => {
          const next = TEST_SEVERITIES.find(s => s === event.target.value);
          if (next) set('severity', next);
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
      <TextField
        id="aegis-test-procedure"
        label="Procedure"
        {...text('procedure')}
      />
      <ChipsInput
        id="aegis-test-tools"
        label="Tools"
        values={values.tools}
        onChange={tools => set('tools', tools)}
        disabled={disabled}
      />
      <TextField
        id="aegis-test-expected-detection"
        label="Expected detection"
        {...text('expectedDetection')}
      />
      <ChipsInput
        id="aegis-test-tags"
        label="Tags"
        values={values.tags}
        onChange={tags => set('tags', tags)}
        disabled={disabled}
      />
      <FormControlLabel
        control={
          <Checkbox
            checked={values.blind}
            onChange={event => set('blind', event.target.checked)}
            disabled={disabled}
          />
        }
        label="Blind test (the blue team is not told in advance)"
      />
    </>
  );
}
