import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { DownloadButton } from './downloads';
import { FilterSelect } from './FilterSelect';
import { ReportCard } from './ReportCard';
import { useEntityOptions } from './useFilterOptions';

/**
 * The coverage as a layer for the MITRE ATT&CK Navigator, each technique
 * scored and coloured by its status.
 */
export function NavigatorLayerCard(props: {
  cookieReady: boolean;
  platforms: string[];
}) {
  const entities = useEntityOptions();
  const [platform, setPlatform] = useState<string>();
  const [entityRef, setEntityRef] = useState<string>();

  return (
    <ReportCard
      title="ATT&CK Navigator layer"
      description="Coverage to open in the ATT&CK Navigator"
      filters={
        <>
          <FilterSelect
            id="aegis-report-layer-platform"
            label="Platform"
            anyLabel="Any platform"
            options={props.platforms.map(p => ({ value: p, label: p }))}
            value={platform}
            onChange={setPlatform}
          />
          <FilterSelect
            id="aegis-report-layer-entity"
            label="Entity"
            anyLabel="Any entity"
            options={entities}
            value={entityRef}
            onChange={setEntityRef}
          />
        </>
      }
      downloads={
        <DownloadButton
          report="navigator-layer"
          query={{ platform, entityRef }}
          label="Navigator layer"
          cookieReady={props.cookieReady}
        />
      }
    >
      <Typography variant="body2" color="textSecondary">
        In the ATT&CK Navigator, choose “Open Existing Layer”, then “Upload from
        local” and pick the downloaded file.
      </Typography>
    </ReportCard>
  );
}
