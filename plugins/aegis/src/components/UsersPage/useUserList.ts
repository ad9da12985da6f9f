import type { AegisRole } from '@aegis-security/plugin-aegis-common';
import { useApi } from '@backstage/core-plugin-api';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import useDebounce from 'react-use/esm/useDebounce';
import { aegisApiRef } from '../../api/aegisApiRef';

const PAGE_SIZE = 20;
const SEARCH_DELAY_MS = 300;

/**
 * One page of users as the backend filters them, with the filter and paging
 * state that selects it. Every change of filter returns to the first page.
 */
export function useUserList() {
  const aegisApi = useApi(aegisApiRef);
  const [role, setRole] = useState<AegisRole>();
  const [searchText, setSearchText] = useState('');
  const [search, setSearch] = useState('');
  const [paging, setPaging] = useState({ page: 0, pageSize: PAGE_SIZE });

  useDebounce(
    () => {
      const next = searchText.trim();
      if (next !== search) {
        setSearch(next);
        setPaging(current => ({ ...current, page: 0 }));
      }
    },
    SEARCH_DELAY_MS,
    [searchText],
  );

  const users = useAsyncRetry(
    () =>
      aegisApi.listUsers({
        role,
        search: search || undefined,
        limit: paging.pageSize,
        offset: paging.page * paging.pageSize,
      }),
    [aegisApi, role, search, paging],
  );

  return {
    users,
    role,
    changeRole: (next: AegisRole | undefined) => {
      setRole(next);
      setPaging(current => ({ ...current, page: 0 }));
    },
    searchText,
    changeSearchText: setSearchText,
    page: paging.page,
    pageSize: paging.pageSize,
    changePage: (page: number, pageSize: number) =>
      setPaging({ page, pageSize }),
  };
}
