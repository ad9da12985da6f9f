import type { AegisApi } from '@aegis-security/plugin-aegis-common';
import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import GetAppIcon from '@material-ui/icons/GetApp';
import useAsync from 'react-use/esm/useAsync';
import { aegisApiRef } from '../../api/aegisApiRef';

type DownloadReport = Parameters<AegisApi['getReportDownloadUrl']>[0];

/**
 * Sets the Backstage user cookie once for the page: report downloads are
 * plain browser links that carry no token.
 */
export function useDownloadCookie() {
  const aegisApi = useApi(aegisApiRef);
  return useAsync(() => aegisApi.refreshDownloadCookie(), [aegisApi]);
}

/**
 * A link that lets the browser fetch a report file from the backend with the
 * filters shown, once the cookie is set.
 */
export function DownloadButton(props: {
  report: DownloadReport;
  query: Record<string, string | undefined>;
  label: string;
  cookieReady: boolean;
}) {
  const { report, query, label, cookieReady } = props;
  const aegisApi = useApi(aegisApiRef);
  const key = JSON.stringify(query);
  const url = useAsync(
    () => aegisApi.getReportDownloadUrl(report, JSON.parse(key)),
    [aegisApi, report, key],
  );

  return (
    <Button
      variant="outlined"
      size="small"
      startIcon={<GetAppIcon />}
      href={url.value ?? ''}
      disabled={!cookieReady || !url.value}
    >
      {label}
    </Button>
  );
}

/**
 * Saves the report as shown, from memory: the JSON reports have no download
 * endpoint of their own, and this is exactly what the preview was built from.
 */
export function JsonDownloadButton(props: { data: unknown; fileName: string }) {
  const save = () => {
    const blob = new Blob([JSON.stringify(props.data, null, 2)], {
      type: 'application/json',
    });
    const href = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = href;
    link.download = props.fileName;
    link.click();
    URL.revokeObjectURL(href);
  };

  return (
    <Button
      variant="outlined"
      size="small"
      startIcon={<GetAppIcon />}
      onClick={save}
    >
      JSON
    </Button>
  );
}

/**
 * The downloads of a tabular report: its CSV from the backend with the
 * filters shown, and the JSON of the preview once it has loaded.
 */
export function ReportDownloads(props: {
  report: DownloadReport;
  query: Record<string, string | undefined>;
  cookieReady: boolean;
  /** The loaded preview, saved as JSON; no JSON button until there is one. */
  data: unknown;
  jsonFileName: string;
}) {
  return (
    <>
      <DownloadButton
        report={props.report}
        query={props.query}
        label="CSV"
        cookieReady={props.cookieReady}
      />
      {props.data !== undefined && (
        <JsonDownloadButton data={props.data} fileName={props.jsonFileName} />
      )}
    </>
  );
}
