import type { Technique } from '@aegis-security/plugin-aegis-common';
import { useApi } from '@backstage/core-plugin-api';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';
import { aegisApiRef } from '../../api/aegisApiRef';

const SEARCH_DELAY_MS = 250;
const SUGGESTIONS = 20;

/**
 * ATT&CK techniques chosen by ID; the suggestions come from the backend's
 * search, so the picker works on the whole knowledge base.
 */
export function TechniquePicker(props: {
  values: string[];
  onChange: (mitreIds: string[]) => void;
  error?: string;
  disabled?: boolean;
}) {
  const { values, onChange, error, disabled } = props;
  const aegisApi = useApi(aegisApiRef);
  const [input, setInput] = useState('');
  const [search, setSearch] = useState('');
  useDebounce(() => setSearch(input.trim()), SEARCH_DELAY_MS, [input]);

  const found = useAsync(
    () =>
      aegisApi.listTechniques({
        search: search || undefined,
        limit: SUGGESTIONS,
        include_subtechniques: true,
      }),
    [aegisApi, search],
  );
  const names = new Map<string, string>(
    (found.value?.items ?? []).map((t: Technique) => [t.mitreId, t.name]),
  );

  return (
    <Autocomplete<string, true>
      id="aegis-test-techniques"
      multiple
      options={[...names.keys()]}
      value={values}
      disabled={disabled}
      loading={found.loading}
      filterOptions={options => options}
      getOptionLabel={id => (names.has(id) ? `${id} ${names.get(id)}` : id)}
      onChange={(_event, next) => onChange(next)}
      inputValue={input}
      onInputChange={(_event, next) => setInput(next)}
      renderInput={params => (
        <TextField
          {...params}
          label="Techniques"
          required
          error={Boolean(error)}
          helperText={error ?? 'Search by ATT&CK ID or name'}
          margin="dense"
        />
      )}
    />
  );
}
