export { ChipsInput } from './ChipsInput';
export { TargetPicker } from './TargetPicker';
export { TechniquePicker } from './TechniquePicker';
export { TestFormFields } from './TestFormFields';
export {
  EMPTY_TEST_FORM,
  formValuesOf,
  missingFields,
  requestOf,
} from './testFormValues';
export type { TestFormValues } from './testFormValues';
