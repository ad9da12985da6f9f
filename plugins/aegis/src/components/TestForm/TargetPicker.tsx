import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import useAsync from 'react-use/esm/useAsync';
import { describeError } from '../../api/responseErrors';

/**
 * The services a test attacks, chosen among the catalog's components and kept
 * as entity refs, so the test links to their catalog pages.
 */
export function TargetPicker(props: {
  values: string[];
  onChange: (entityRefs: string[]) => void;
  disabled?: boolean;
}) {
  const { values, onChange, disabled } = props;
  const catalogApi = useApi(catalogApiRef);
  const components = useAsync(async () => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: 'Component' },
      fields: ['kind', 'metadata.name', 'metadata.namespace', 'metadata.title'],
    });
    return new Map(
      items.map(entity => [
        stringifyEntityRef(entity),
        entity.metadata.title ?? entity.metadata.name,
      ]),
    );
  }, [catalogApi]);
  const titles = components.value ?? new Map<string, string>();

  return (
    <Autocomplete<string, true>
      id="aegis-test-targets"
      multiple
      options={[...titles.keys()]}
      value={values}
      disabled={disabled}
      loading={components.loading}
      getOptionLabel={ref =>
        titles.has(ref) ? `${titles.get(ref)} (${ref})` : ref
      }
      onChange={(_event, next) => onChange(next)}
      renderInput={params => (
        <TextField
          {...params}
          label="Target services"
          error={Boolean(components.error)}
          helperText={
            components.error
              ? `The catalog could not be searched: ${describeError(
                  components.error,
                )}`
              : 'Components of the catalog'
          }
          margin="dense"
        />
      )}
    />
  );
}
