import type { SecurityTest } from '@aegis-security/plugin-aegis-common';
import { Link } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import { Fragment, useState } from 'react';
import { aegisApiRef } from '../../api/aegisApiRef';
import { techniqueRouteRef } from '../../routes';
import { SEVERITY_LABELS } from '../../workflowLabels';
import {
  formValuesOf,
  missingFields,
  requestOf,
  TestFormFields,
} from '../TestForm';
import { Field, SectionCard } from './SectionCard';
import type { TestChange } from './useTest';
import { useSaving } from './useSaving';

function GeneralView(props: { test: SecurityTest }) {
  const { test } = props;
  const techniqueRoute = useRouteRef(techniqueRouteRef);

  return (
    <>
      <Field label="Description">{test.description || '—'}</Field>
      <Field label="Techniques">
        {test.techniques.map((mitreId, index) => (
          <Fragment key={mitreId}>
            {index > 0 && ', '}
            <Link to={techniqueRoute({ mitreId })}>{mitreId}</Link>
          </Fragment>
        ))}
      </Field>
      <Field label="Platform">{test.platform}</Field>
      <Field label="Severity">{SEVERITY_LABELS[test.severity]}</Field>
      <Field label="Targets">
        {test.targets.length > 0 ? (
          <EntityRefLinks entityRefs={test.targets} defaultKind="component" />
        ) : (
          '—'
        )}
      </Field>
      <Field label="Procedure">{test.procedure || '—'}</Field>
      <Field label="Tools">{test.tools.join(', ') || '—'}</Field>
      <Field label="Expected detection">{test.expectedDetection || '—'}</Field>
      <Field label="Tags">{test.tags.join(', ') || '—'}</Field>
      <Field label="Blind">{test.blind ? 'Yes' : 'No'}</Field>
    </>
  );
}

function GeneralDialog(props: {
  test: SecurityTest;
  onChange: (change: TestChange) => Promise<boolean>;
  onClose: () => void;
}) {
  const { test, onChange, onClose } = props;
  const aegisApi = useApi(aegisApiRef);
  const [values, setValues] = useState(() => formValuesOf(test));
  const { saving, save } = useSaving(onClose);
  const incomplete = Object.keys(missingFields(values)).length > 0;

  return (
    <Dialog open onClose={onClose} aria-labelledby="aegis-general-title">
      <DialogTitle id="aegis-general-title">Edit general fields</DialogTitle>
      <DialogContent>
        <TestFormFields
          values={values}
          onChange={setValues}
          showMissing
          disabled={saving}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          variant="contained"
          color="primary"
          disabled={saving || incomplete}
          onClick={() =>
            save(() =>
              onChange(current =>
                aegisApi.updateTest(current.id, {
                  ...requestOf(values),
                  version: current.version,
                }),
              ),
            )
          }
        >
          Save
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** The general fields of a test; edited in a dialog, as they are many. */
export function GeneralPanel(props: {
  test: SecurityTest;
  editable: boolean;
  onChange: (change: TestChange) => Promise<boolean>;
}) {
  const { test, editable } = props;
  return (
    <SectionCard
      title="General"
      editable={editable}
      view={<GeneralView test={test} />}
      editor={close => (
        <>
          <GeneralView test={test} />
          <GeneralDialog
            test={test}
            onChange={props.onChange}
            onClose={close}
          />
        </>
      )}
    />
  );
}
