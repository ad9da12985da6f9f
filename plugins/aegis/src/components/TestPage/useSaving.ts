import { useState } from 'react';

/**
 * Runs a save that reports success, keeping a flag to disable the buttons
 * meanwhile, and calls `onSaved` only when it succeeded.
 */
export function useSaving(onSaved: () => void) {
  const [saving, setSaving] = useState(false);

  const save = async (run: () => Promise<boolean>) => {
    setSaving(true);
    const ok = await run();
    setSaving(false);
    if (ok) onSaved();
  };

  return { saving, save };
}
