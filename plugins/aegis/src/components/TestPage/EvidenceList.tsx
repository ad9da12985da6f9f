import type { Evidence } from '@aegis-security/plugin-aegis-common';
import { CopyTextButton } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { EvidenceActions } from './EvidenceActions';
import { formatSize, formatTime } from './format';

/** The detected type, naming the declared one only when they disagree. */
function describeType(file: Evidence): string {
  const { detectedType, declaredType } = file;
  if (!detectedType) return declaredType ?? 'unknown type';
  if (declaredType && declaredType !== detectedType) {
    return `${detectedType} (declared ${declaredType})`;
  }
  return detectedType;
}

/** The start of a hash, enough to compare by eye, with the rest on hover. */
function ShortHash(props: { file: Evidence }) {
  const { sha256, filename } = props.file;
  return (
    <Box display="flex" alignItems="center">
      <Typography variant="body2" component="span">
        SHA-256:&nbsp;
      </Typography>
      <Tooltip title={sha256}>
        <Typography variant="body2" component="code">
          <Box component="span" fontFamily="monospace">
            {sha256.slice(0, 12)}…
          </Box>
        </Typography>
      </Tooltip>
      <CopyTextButton
        text={sha256}
        aria-label={`Copy SHA-256 of ${filename}`}
        tooltipText="SHA-256 copied"
      />
    </Box>
  );
}

/** The files of one side of a test, newest last as the backend lists them. */
export function EvidenceList(props: {
  label: string;
  files: Evidence[];
  canDownload: boolean;
  canDelete: boolean;
  onDeleted: () => void;
}) {
  const { label, files, canDownload, canDelete, onDeleted } = props;
  return (
    <List disablePadding aria-label={label}>
      {files.map(file => (
        <ListItem key={file.id} divider disableGutters>
          <Box width="100%">
            <Typography variant="subtitle2" component="div">
              {file.filename}
            </Typography>
            <Typography variant="body2" color="textSecondary">
              {formatSize(file.size)} · {describeType(file)}
            </Typography>
            <ShortHash file={file} />
            <Typography variant="body2" color="textSecondary">
              {file.uploadedBy} at {formatTime(file.uploadedAt)}
            </Typography>
            {file.description && (
              <Typography variant="body2">{file.description}</Typography>
            )}
            <EvidenceActions
              file={file}
              canDownload={canDownload}
              canDelete={canDelete}
              onDeleted={onDeleted}
            />
          </Box>
        </ListItem>
      ))}
    </List>
  );
}
