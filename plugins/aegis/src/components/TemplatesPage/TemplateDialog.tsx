import type { TestTemplate } from '@aegis-security/plugin-aegis-common';
import { useApi } from '@backstage/core-plugin-api';
import { useState } from 'react';
import { aegisApiRef } from '../../api/aegisApiRef';
import { isConflict } from '../../api/responseErrors';
import { ActionDialog } from '../UsersPage/ActionDialog';
import { useSubmit } from '../UsersPage/useSubmit';
import { TemplateFormFields } from './TemplateFormFields';
import {
  EMPTY_TEMPLATE_FORM,
  missingTemplateFields,
  templateFormValuesOf,
  templateRequestOf,
} from './templateFormValues';

/**
 * Creates a template, or edits the given one. An edit sends the version it
 * started from; when someone changed the template meanwhile, the backend's
 * message stays in the dialog and the form shows the current template, so
 * the editor decides again instead of overwriting that change.
 */
export function TemplateDialog(props: {
  template?: TestTemplate;
  onClose: () => void;
  onSaved: (template: TestTemplate) => void;
  /** Called when the backend refused an edit of an outdated version. */
  onConflict: () => void;
}) {
  const { onClose, onSaved, onConflict } = props;
  const aegisApi = useApi(aegisApiRef);
  const [template, setTemplate] = useState(props.template);
  const [values, setValues] = useState(
    template ? templateFormValuesOf(template) : EMPTY_TEMPLATE_FORM,
  );
  const [showMissing, setShowMissing] = useState(false);

  const save = async () => {
    const request = templateRequestOf(values);
    if (!template) {
      return aegisApi.createTemplate(request);
    }
    try {
      return await aegisApi.updateTemplate(template.id, {
        ...request,
        version: template.version,
      });
    } catch (error) {
      if (isConflict(error)) {
        const current = await aegisApi.getTemplate(template.id);
        setTemplate(current);
        setValues(templateFormValuesOf(current));
        onConflict();
      }
      throw error;
    }
  };
  const { submit, submitting, error } = useSubmit(save, onSaved);

  return (
    <ActionDialog
      id="aegis-template"
      title={template ? `Edit ${template.name}` : 'New template'}
      submitLabel={template ? 'Save' : 'Create'}
      onSubmit={() => {
        setShowMissing(true);
        if (Object.keys(missingTemplateFields(values)).length === 0) {
          submit();
        }
      }}
      onClose={onClose}
      submitting={submitting}
      error={error}
    >
      <TemplateFormFields
        values={values}
        onChange={setValues}
        showMissing={showMissing}
        disabled={submitting}
      />
    </ActionDialog>
  );
}
