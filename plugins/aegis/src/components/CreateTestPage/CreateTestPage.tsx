import { Content, ContentHeader, InfoCard } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { aegisApiRef } from '../../api/aegisApiRef';
import { describeError } from '../../api/responseErrors';
import { testRouteRef } from '../../routes';
import {
  EMPTY_TEST_FORM,
  missingFields,
  requestOf,
  TestFormFields,
} from '../TestForm';

/**
 * The form that creates a security test. Required fields are hinted here,
 * but the backend decides: its refusal is shown as it words it.
 */
export function CreateTestPage() {
  const aegisApi = useApi(aegisApiRef);
  const testRoute = useRouteRef(testRouteRef);
  const navigate = useNavigate();
  const [values, setValues] = useState(EMPTY_TEST_FORM);
  const [showMissing, setShowMissing] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string>();

  const submit = async () => {
    setShowMissing(true);
    if (Object.keys(missingFields(values)).length > 0) {
      return;
    }

    setSubmitting(true);
    setError(undefined);
    try {
      const test = await aegisApi.createTest(requestOf(values));
      navigate(testRoute({ id: test.id }));
    } catch (e) {
      setError(describeError(e));
      setSubmitting(false);
    }
  };

  return (
    <Content>
      <ContentHeader title="New security test" />
      <InfoCard>
        <form
          noValidate
          onSubmit={event => {
            event.preventDefault();
            submit();
          }}
        >
          <TestFormFields
            values={values}
            onChange={setValues}
            showMissing={showMissing}
            disabled={submitting}
          />
          {error && <Alert severity="error">{error}</Alert>}
          <Box mt={2}>
            <Button
              type="submit"
              variant="contained"
              color="primary"
              disabled={submitting}
            >
              Create test
            </Button>
          </Box>
        </form>
      </InfoCard>
    </Content>
  );
}
