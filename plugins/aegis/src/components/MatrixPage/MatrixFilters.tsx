import type { AttackDomain } from '@aegis-security/plugin-aegis-common';
import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import { STATUS_FILTERS, type StatusFilter } from './coverageStatus';

const DOMAINS: Record<AttackDomain, string> = {
  'enterprise-attack': 'Enterprise',
  'mobile-attack': 'Mobile',
  'ics-attack': 'ICS',
};

const ANY_PLATFORM = '';
const ANY_STATUS = '';

function isStatus(value: string): value is StatusFilter {
  return STATUS_FILTERS.some(f => f.value === value);
}

function isDomain(value: string): value is AttackDomain {
  return Object.keys(DOMAINS).includes(value);
}

/** The domain, platform, coverage status and search text the matrix shows. */
export function MatrixFilters(props: {
  domain: AttackDomain;
  onDomainChange: (domain: AttackDomain) => void;
  platforms: string[];
  platform?: string;
  onPlatformChange: (platform: string | undefined) => void;
  status?: StatusFilter;
  onStatusChange: (status: StatusFilter | undefined) => void;
  search: string;
  onSearchChange: (search: string) => void;
}) {
  const { domain, platforms, platform, status, search } = props;

  return (
    <Box display="flex" flexWrap="wrap" gridGap={16} mb={2}>
      <TextField
        id="aegis-matrix-domain"
        select
        label="Domain"
        variant="outlined"
        size="small"
        value={domain}
        onChange={event => {
          const value = event.target.value;
          if (isDomain(value)) props.onDomainChange(value);
        }}
        SelectProps={{ native: true }}
        style={{ minWidth: 160 }}
      >
        {Object.entries(DOMAINS).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </TextField>
      <TextField
        id="aegis-matrix-platform"
        select
        label="Platform"
        variant="outlined"
        size="small"
        value={platform ?? ANY_PLATFORM}
        onChange={event =>
          props.onPlatformChange(event.target.value || undefined)
        }
        // The empty "any" option has text, so the label must stay above it.
        InputLabelProps={{ shrink: true }}
        SelectProps={{ native: true }}
        style={{ minWidth: 160 }}
      >
        <option value={ANY_PLATFORM}>Any platform</option>
        {platforms.map(p => (
          <option key={p} value={p}>
            {p}
          </option>
        ))}
      </TextField>
      <TextField
        id="aegis-matrix-status"
        select
        label="Coverage"
        variant="outlined"
        size="small"
        value={status ?? ANY_STATUS}
        onChange={event => {
          const value = event.target.value;
          props.onStatusChange(isStatus(value) ? value : undefined);
        }}
        InputLabelProps={{ shrink: true }}
        SelectProps={{ native: true }}
        style={{ minWidth: 160 }}
      >
        <option value={ANY_STATUS}>Any coverage</option>
        {STATUS_FILTERS.map(f => (
          <option key={f.value} value={f.value}>
            {f.label}
          </option>
        ))}
      </TextField>
      <TextField
        id="aegis-matrix-search"
        type="search"
        label="Search"
        placeholder="Technique ID or name"
        variant="outlined"
        size="small"
        value={search}
        onChange={event => props.onSearchChange(event.target.value)}
        style={{ minWidth: 240 }}
      />
    </Box>
  );
}
