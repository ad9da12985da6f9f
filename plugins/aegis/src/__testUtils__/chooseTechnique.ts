import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

/**
 * Types a search into the technique picker, then clicks a suggestion once
 * the suggestions are those of the search. The picker replaces its list when
 * the debounced search answers, and a click on an option of the list being
 * replaced lands on nothing: on a loaded machine that is likely.
 */
export async function chooseTechnique(
  field: HTMLElement,
  search: string,
  option: RegExp,
): Promise<void> {
  await userEvent.type(field, search);
  const wanted = search.toLocaleLowerCase('en-US');
  await waitFor(
    () => {
      const labels = within(screen.getByRole('listbox'))
        .getAllByRole('option')
        .map(o => (o.textContent ?? '').toLocaleLowerCase('en-US'));
      expect(labels.filter(label => !label.includes(wanted))).toEqual([]);
    },
    { timeout: 5_000 },
  );
  await userEvent.click(
    within(screen.getByRole('listbox')).getByRole('option', { name: option }),
  );
}
