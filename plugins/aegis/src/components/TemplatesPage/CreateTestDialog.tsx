import type { TestTemplate } from '@aegis-security/plugin-aegis-common';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import TextField from '@material-ui/core/TextField';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { aegisApiRef } from '../../api/aegisApiRef';
import { testRouteRef } from '../../routes';
import { TargetPicker } from '../TestForm';
import { ActionDialog } from '../UsersPage/ActionDialog';
import { useSubmit } from '../UsersPage/useSubmit';

/**
 * Makes a test from a template, asking only what differs from one test to
 * the next, then opens the new test where its work goes on.
 */
export function CreateTestDialog(props: {
  template: TestTemplate;
  onClose: () => void;
}) {
  const { template, onClose } = props;
  const aegisApi = useApi(aegisApiRef);
  const testRoute = useRouteRef(testRouteRef);
  const navigate = useNavigate();
  const [title, setTitle] = useState(template.name);
  const [targets, setTargets] = useState<string[]>([]);
  const [blind, setBlind] = useState(false);
  const { submit, submitting, error } = useSubmit(
    () =>
      aegisApi.createTestFromTemplate(template.id, {
        title: title.trim(),
        targets,
        blind,
      }),
    test => navigate(testRoute({ id: test.id })),
  );

  return (
    <ActionDialog
      id="aegis-template-test"
      title={`Create a test from ${template.name}`}
      submitLabel="Create test"
      onSubmit={submit}
      onClose={onClose}
      submitting={submitting}
      submitDisabled={title.trim() === ''}
      error={error}
    >
      <TextField
        id="aegis-test-from-template-title"
        label="Title"
        value={title}
        onChange={event => setTitle(event.target.value)}
        required
        disabled={submitting}
        fullWidth
        margin="dense"
      />
      <TargetPicker
        values={targets}
        onChange={setTargets}
        disabled={submitting}
      />
      <FormControlLabel
        control={
          <Checkbox
            checked={blind}
            onChange={event => setBlind(event.target.checked)}
            disabled={submitting}
          />
        }
        label="Blind test (the blue team is not told in advance)"
      />
    </ActionDialog>
  );
}
