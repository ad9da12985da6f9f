import Chip from '@material-ui/core/Chip';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';

/** Free words entered as chips, such as tools or tags; Enter adds one. */
export function ChipsInput(props: {
  id: string;
  label: string;
  values: string[];
  onChange: (values: string[]) => void;
  disabled?: boolean;
}) {
  const { id, label, values, onChange, disabled } = props;

  return (
    <Autocomplete<string, true, false, true>
      id={id}
      multiple
      freeSolo
      options={[]}
      value={values}
      disabled={disabled}
      onChange={(_event, next) =>
        onChange(next.map(v => v.trim()).filter(Boolean))
      }
      renderTags={(tags, getTagProps) =>
        tags.map((tag, index) => {
          // MUI's tag props carry the key, which React wants given directly.
          const { key, ...tagProps } = getTagProps({ index }) as {
            key: number;
          };
          return <Chip key={key} size="small" label={tag} {...tagProps} />;
        })
      }
      renderInput={params => (
        <TextField
          {...params}
          label={label}
          helperText="Press Enter after each"
          margin="dense"
        />
      )}
    />
  );
}
