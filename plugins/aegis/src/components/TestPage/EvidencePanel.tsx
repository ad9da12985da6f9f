import type {
  EvidenceTeam,
  TestEvidence,
} from '@aegis-security/plugin-aegis-common';
import { InfoCard, Progress } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { describeError } from '../../api/responseErrors';
import { EvidenceList } from './EvidenceList';
import { EvidenceUpload } from './EvidenceUpload';

const TEAM_LABELS: Record<EvidenceTeam, string> = { red: 'Red', blue: 'Blue' };

/**
 * The evidence files of one side of a test. The backend decides who may
 * upload, delete and download; the panel offers exactly that.
 */
export function EvidencePanel(props: {
  testId: string;
  team: EvidenceTeam;
  evidence?: TestEvidence;
  error?: Error;
  cookieError?: Error;
  onChange: () => void;
}) {
  const { testId, team, evidence, error, cookieError, onChange } = props;
  const title = `${TEAM_LABELS[team]} evidence`;

  if (!evidence) {
    return (
      <InfoCard title={title}>
        {error ? (
          <Typography color="error">
            The evidence could not be loaded: {describeError(error)}
          </Typography>
        ) : (
          <Progress />
        )}
      </InfoCard>
    );
  }

  const files = evidence[team];
  const canUpload = evidence.canUpload[team];
  return (
    <InfoCard title={title}>
      {canUpload && (
        <EvidenceUpload testId={testId} team={team} onUploaded={onChange} />
      )}
      {cookieError && evidence.canDownload && (
        <Alert severity="warning">
          Downloads may be refused: {describeError(cookieError)}
        </Alert>
      )}
      {files.length === 0 ? (
        <Typography color="textSecondary">No {team} evidence yet.</Typography>
      ) : (
        <EvidenceList
          label={`${TEAM_LABELS[team]} evidence files`}
          files={files}
          canDownload={evidence.canDownload}
          canDelete={canUpload}
          onDeleted={onChange}
        />
      )}
    </InfoCard>
  );
}
