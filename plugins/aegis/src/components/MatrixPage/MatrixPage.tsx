import type { AttackDomain } from '@aegis-security/plugin-aegis-common';
import {
  Content,
  ContentHeader,
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useMemo, useState } from 'react';
import type { StatusFilter } from './coverageStatus';
import { MatrixFilters } from './MatrixFilters';
import { MatrixGrid } from './MatrixGrid';
import { MatrixLegend } from './MatrixLegend';
import {
  buildColumns,
  filterTechniques,
  groupSubtechniques,
  platformsOf,
} from './matrixModel';
import { useMatrixData } from './useMatrixData';

/** The ATT&CK matrix: tactics as columns, techniques as cells. */
export function MatrixPage() {
  const [domain, setDomain] = useState<AttackDomain>('enterprise-attack');
  const [platform, setPlatform] = useState<string>();
  const [status, setStatus] = useState<StatusFilter>();
  const [search, setSearch] = useState('');
  const { loading, error, value } = useMatrixData(domain);

  const entries = useMemo(
    () => groupSubtechniques(value?.techniques ?? []),
    [value],
  );
  const platforms = useMemo(
    () => platformsOf(value?.techniques ?? []),
    [value],
  );
  const columns = useMemo(
    () =>
      buildColumns(
        value?.tactics ?? [],
        filterTechniques(entries, { platform, status, search }),
      ),
    [value, entries, platform, status, search],
  );

  const changeDomain = (next: AttackDomain) => {
    setDomain(next);
    setPlatform(undefined);
  };

  return (
    <Content>
      <ContentHeader title="ATT&CK matrix" />
      <MatrixFilters
        domain={domain}
        onDomainChange={changeDomain}
        platforms={platforms}
        platform={platform}
        onPlatformChange={setPlatform}
        status={status}
        onStatusChange={setStatus}
        search={search}
        onSearchChange={setSearch}
      />
      <MatrixLegend />
      {loading && <Progress />}
      {error && (
        <ResponseErrorPanel
          title="The ATT&CK matrix could not be loaded"
          error={error}
        />
      )}
      {value && value.tactics.length === 0 && (
        <EmptyState
          missing="data"
          title="No ATT&CK data for this domain"
          description="An Aegis administrator must sync ATT&CK first; the tactics and techniques appear here after the sync."
        />
      )}
      {value && value.tactics.length > 0 && <MatrixGrid columns={columns} />}
    </Content>
  );
}
