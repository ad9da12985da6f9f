import type {
  Evidence,
  EvidenceVerification,
} from '@aegis-security/plugin-aegis-common';
import { StatusError, StatusOK } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { aegisApiRef } from '../../api/aegisApiRef';
import { describeError } from '../../api/responseErrors';

/** A plain link, so the browser streams the file to disk itself. */
function DownloadLink(props: { file: Evidence }) {
  const { file } = props;
  const aegisApi = useApi(aegisApiRef);
  const url = useAsync(
    () => aegisApi.getEvidenceDownloadUrl(file.id),
    [aegisApi, file.id],
  );

  if (!url.value) return null;
  return (
    <Button
      size="small"
      href={url.value}
      download={file.filename}
      aria-label={`Download ${file.filename}`}
    >
      Download
    </Button>
  );
}

function VerificationResult(props: { result: EvidenceVerification }) {
  return props.result.match ? (
    <StatusOK>SHA-256 matches</StatusOK>
  ) : (
    <StatusError>Tampered: stored content does not match</StatusError>
  );
}

function DeleteDialog(props: {
  file: Evidence;
  onDeleted: () => void;
  onClose: () => void;
}) {
  const { file, onDeleted, onClose } = props;
  const aegisApi = useApi(aegisApiRef);
  const [deletion, remove] = useAsyncFn(async () => {
    await aegisApi.deleteEvidence(file.id);
    onClose();
    onDeleted();
  }, [aegisApi, file.id, onClose, onDeleted]);

  return (
    <Dialog open onClose={onClose} aria-labelledby="aegis-evidence-delete">
      <DialogTitle id="aegis-evidence-delete">
        Delete {file.filename}?
      </DialogTitle>
      <DialogContent>
        <DialogContentText>
          The file and its hash are removed from this test.
        </DialogContentText>
        {deletion.error && (
          <Alert severity="error">{describeError(deletion.error)}</Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          variant="contained"
          color="secondary"
          onClick={remove}
          disabled={deletion.loading}
        >
          Delete
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/**
 * What can be done with one file: download it, have the backend hash it
 * again to prove it is unchanged, and delete it while its side is open.
 */
export function EvidenceActions(props: {
  file: Evidence;
  canDownload: boolean;
  canDelete: boolean;
  onDeleted: () => void;
}) {
  const { file, canDownload, canDelete, onDeleted } = props;
  const aegisApi = useApi(aegisApiRef);
  const [verification, verify] = useAsyncFn(
    () => aegisApi.verifyEvidence(file.id),
    [aegisApi, file.id],
  );
  const [deleting, setDeleting] = useState(false);

  return (
    <Box display="flex" alignItems="center" flexWrap="wrap" gridGap={8}>
      {canDownload && <DownloadLink file={file} />}
      <Button
        size="small"
        onClick={verify}
        disabled={verification.loading}
        aria-label={`Verify ${file.filename}`}
      >
        Verify
      </Button>
      {canDelete && (
        <Button
          size="small"
          onClick={() => setDeleting(true)}
          aria-label={`Delete ${file.filename}`}
        >
          Delete
        </Button>
      )}
      {verification.value && <VerificationResult result={verification.value} />}
      {verification.error && (
        <Typography variant="body2" color="error">
          {describeError(verification.error)}
        </Typography>
      )}
      {deleting && (
        <DeleteDialog
          file={file}
          onDeleted={onDeleted}
          onClose={() => setDeleting(false)}
        />
      )}
    </Box>
  );
}
