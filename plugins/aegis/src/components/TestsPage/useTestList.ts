import type {
  ListTestsQuery,
  TestState,
} from '@aegis-security/plugin-aegis-common';
import { useApi } from '@backstage/core-plugin-api';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import useDebounce from 'react-use/esm/useDebounce';
import { aegisApiRef } from '../../api/aegisApiRef';

const PAGE_SIZE = 20;
const TYPING_DELAY_MS = 300;

/** The filters of the test list as the user sets them. */
export interface TestFilterValues {
  states: TestState[];
  technique: string;
  platform: string;
  creator: string;
  target: string;
  pendingSide?: 'red' | 'blue';
  search: string;
}

/** How the list is sorted, in the backend's words. */
export interface TestSort {
  sort: NonNullable<ListTestsQuery['sort']>;
  order: NonNullable<ListTestsQuery['order']>;
}

const NO_FILTERS: TestFilterValues = {
  states: [],
  technique: '',
  platform: '',
  creator: '',
  target: '',
  search: '',
};

function text(value: string): string | undefined {
  return value.trim() || undefined;
}

/** The backend query of a set of filters; empty filters are left out. */
export function queryOf(filters: TestFilterValues): ListTestsQuery {
  return {
    state: filters.states.length > 0 ? filters.states.join(',') : undefined,
    technique: text(filters.technique),
    platform: text(filters.platform),
    creator: text(filters.creator),
    target: text(filters.target),
    pending_validation_side: filters.pendingSide,
    search: text(filters.search),
  };
}

/**
 * One page of tests as the backend filters and sorts them. Typed filters take
 * effect after a pause, and every change of filter or view returns to the
 * first page. `fixedFilter` (the "Waiting for me" view) replaces the filters.
 */
export function useTestList(fixedFilter: ListTestsQuery | undefined) {
  const aegisApi = useApi(aegisApiRef);
  const [filters, setFilters] = useState<TestFilterValues>(NO_FILTERS);
  const [applied, setApplied] = useState<TestFilterValues>(NO_FILTERS);
  const [sort, setSort] = useState<TestSort>({
    sort: 'updated_at',
    order: 'desc',
  });
  const [paging, setPaging] = useState({ page: 0, pageSize: PAGE_SIZE });
  const firstPage = () => setPaging(current => ({ ...current, page: 0 }));

  useDebounce(
    () => {
      if (filters !== applied) {
        setApplied(filters);
        firstPage();
      }
    },
    TYPING_DELAY_MS,
    [filters],
  );

  const tests = useAsyncRetry(
    () =>
      aegisApi.listTests({
        ...(fixedFilter ?? queryOf(applied)),
        ...sort,
        limit: paging.pageSize,
        offset: paging.page * paging.pageSize,
      }),
    [aegisApi, fixedFilter, applied, sort, paging],
  );

  return {
    tests,
    filters,
    changeFilters: setFilters,
    sort,
    changeSort: (next: TestSort) => {
      setSort(next);
      firstPage();
    },
    firstPage,
    page: paging.page,
    pageSize: paging.pageSize,
    changePage: (page: number, pageSize: number) =>
      setPaging({ page, pageSize }),
  };
}
