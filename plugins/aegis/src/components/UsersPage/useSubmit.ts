import { useState } from 'react';
import { describeError } from '../../api/responseErrors';

/**
 * Runs a dialog's change, keeping the backend's error message to show in the
 * dialog, and calls `onDone` with the result once the change succeeded.
 */
export function useSubmit<T>(
  change: () => Promise<T>,
  onDone: (result: T) => void,
) {
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string>();

  const submit = async () => {
    setSubmitting(true);
    setError(undefined);
    let result: T;
    try {
      result = await change();
    } catch (e) {
      setError(describeError(e));
      setSubmitting(false);
      return;
    }
    setSubmitting(false);
    onDone(result);
  };

  return { submit, submitting, error };
}
