import TextField from '@material-ui/core/TextField';

/** One choice of a {@link FilterSelect}. */
export interface FilterOption {
  value: string;
  label: string;
}

/**
 * A native select whose first choice, "any", leaves the filter out of the
 * request.
 */
export function FilterSelect(props: {
  id: string;
  label: string;
  anyLabel: string;
  options: FilterOption[];
  value?: string;
  onChange: (value: string | undefined) => void;
}) {
  const { id, label, anyLabel, options, value } = props;
  return (
    <TextField
      id={id}
      select
      label={label}
      variant="outlined"
      size="small"
      value={value ?? ''}
      onChange={event => props.onChange(event.target.value || undefined)}
      InputLabelProps={{ shrink: true }}
      SelectProps={{ native: true }}
      style={{ minWidth: 180 }}
    >
      <option value="">{anyLabel}</option>
      {options.map(option => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </TextField>
  );
}

/** A day field whose empty value leaves the filter out of the request. */
export function DayField(props: {
  id: string;
  label: string;
  value?: string;
  onChange: (value: string | undefined) => void;
}) {
  return (
    <TextField
      id={props.id}
      type="date"
      label={props.label}
      variant="outlined"
      size="small"
      InputLabelProps={{ shrink: true }}
      value={props.value ?? ''}
      onChange={event => props.onChange(event.target.value || undefined)}
    />
  );
}
