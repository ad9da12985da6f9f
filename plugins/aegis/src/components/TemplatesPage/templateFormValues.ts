import type {
  CreateTemplateRequest,
  TestSeverity,
  TestTemplate,
} from '@aegis-security/plugin-aegis-common';

/** The fields of a template as its dialog edits them. */
export interface TemplateFormValues {
  name: string;
  description: string;
  techniques: string[];
  platform: string;
  severity: TestSeverity;
  procedure: string;
  tools: string[];
  expectedDetection: string;
  tags: string[];
}

/** What the dialog of a new template starts with. */
export const EMPTY_TEMPLATE_FORM: TemplateFormValues = {
  name: '',
  description: '',
  techniques: [],
  platform: '',
  severity: 'medium',
  procedure: '',
  tools: [],
  expectedDetection: '',
  tags: [],
};

/** The editable fields of an existing template. */
export function templateFormValuesOf(
  template: TestTemplate,
): TemplateFormValues {
  const { name, description, techniques, platform, severity } = template;
  const { procedure, tools, expectedDetection, tags } = template;
  return {
    name,
    description,
    techniques,
    platform,
    severity,
    procedure,
    tools,
    expectedDetection,
    tags,
  };
}

/**
 * The hints of the fields the backend requires and that are still empty;
 * the backend checks again, so these only spare a round trip.
 */
export function missingTemplateFields(
  values: TemplateFormValues,
): Partial<Record<keyof TemplateFormValues, string>> {
  return {
    ...(values.name.trim() ? {} : { name: 'A name is required' }),
    ...(values.techniques.length > 0
      ? {}
      : { techniques: 'At least one technique is required' }),
    ...(values.platform.trim() ? {} : { platform: 'A platform is required' }),
  };
}

/** The request body of the dialog's values, with its text trimmed. */
export function templateRequestOf(
  values: TemplateFormValues,
): CreateTemplateRequest {
  return {
    ...values,
    name: values.name.trim(),
    platform: values.platform.trim(),
  };
}
