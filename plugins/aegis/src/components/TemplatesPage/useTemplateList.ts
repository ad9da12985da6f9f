import type { ListTemplatesQuery } from '@aegis-security/plugin-aegis-common';
import { useApi } from '@backstage/core-plugin-api';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import useDebounce from 'react-use/esm/useDebounce';
import { aegisApiRef } from '../../api/aegisApiRef';

const PAGE_SIZE = 20;
const TYPING_DELAY_MS = 300;

/** Which templates an administrator lists; others always get active ones. */
export type TemplateStatus = NonNullable<ListTemplatesQuery['status']>;

/** The typed filters of the template list. */
export interface TemplateTextFilters {
  search: string;
  technique: string;
}

const NO_TEXT: TemplateTextFilters = { search: '', technique: '' };

/**
 * One page of templates as the backend filters them. Typed filters apply
 * after a pause; every change of filter returns to the first page. The
 * status is only sent for administrators (`withStatus`), since the backend
 * refuses it from others.
 */
export function useTemplateList(withStatus: boolean) {
  const aegisApi = useApi(aegisApiRef);
  const [text, setText] = useState<TemplateTextFilters>(NO_TEXT);
  const [appliedText, setAppliedText] = useState<TemplateTextFilters>(NO_TEXT);
  const [status, setStatus] = useState<TemplateStatus>('all');
  const [paging, setPaging] = useState({ page: 0, pageSize: PAGE_SIZE });
  const firstPage = () => setPaging(current => ({ ...current, page: 0 }));

  useDebounce(
    () => {
      if (text !== appliedText) {
        setAppliedText(text);
        firstPage();
      }
    },
    TYPING_DELAY_MS,
    [text],
  );

  const templates = useAsyncRetry(
    () =>
      aegisApi.listTemplates({
        status: withStatus ? status : undefined,
        search: appliedText.search.trim() || undefined,
        technique: appliedText.technique.trim() || undefined,
        limit: paging.pageSize,
        offset: paging.page * paging.pageSize,
      }),
    [aegisApi, withStatus, status, appliedText, paging],
  );

  return {
    templates,
    text,
    changeText: setText,
    status,
    changeStatus: (next: TemplateStatus) => {
      setStatus(next);
      firstPage();
    },
    page: paging.page,
    pageSize: paging.pageSize,
    changePage: (page: number, pageSize: number) =>
      setPaging({ page, pageSize }),
  };
}
