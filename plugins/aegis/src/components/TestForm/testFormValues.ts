import type {
  CreateTestRequest,
  SecurityTest,
  TestSeverity,
} from '@aegis-security/plugin-aegis-common';

/** The general fields of a test as the form edits them. */
export interface TestFormValues {
  title: string;
  description: string;
  techniques: string[];
  platform: string;
  targets: string[];
  severity: TestSeverity;
  procedure: string;
  tools: string[];
  expectedDetection: string;
  tags: string[];
  blind: boolean;
}

/** The form of a new test. */
export const EMPTY_TEST_FORM: TestFormValues = {
  title: '',
  description: '',
  techniques: [],
  platform: '',
  targets: [],
  severity: 'medium',
  procedure: '',
  tools: [],
  expectedDetection: '',
  tags: [],
  blind: false,
};

/** The form of an existing test's general fields. */
export function formValuesOf(test: SecurityTest): TestFormValues {
  return {
    title: test.title,
    description: test.description,
    techniques: test.techniques,
    platform: test.platform,
    targets: test.targets,
    severity: test.severity,
    procedure: test.procedure,
    tools: test.tools,
    expectedDetection: test.expectedDetection,
    tags: test.tags,
    blind: test.blind,
  };
}

/** The fields the backend requires, each with the hint shown while empty. */
export function missingFields(
  values: TestFormValues,
): Partial<Record<keyof TestFormValues, string>> {
  const missing: Partial<Record<keyof TestFormValues, string>> = {};
  if (!values.title.trim()) missing.title = 'A title is required';
  if (values.techniques.length === 0) {
    missing.techniques = 'At least one technique is required';
  }
  if (!values.platform.trim()) missing.platform = 'A platform is required';
  return missing;
}

/** The request body of a form's values, trimmed. */
export function requestOf(values: TestFormValues): CreateTestRequest {
  return {
    ...values,
    title: values.title.trim(),
    platform: values.platform.trim(),
  };
}
