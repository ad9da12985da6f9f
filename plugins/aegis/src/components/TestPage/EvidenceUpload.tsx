import type { EvidenceTeam } from '@aegis-security/plugin-aegis-common';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import LinearProgress from '@material-ui/core/LinearProgress';
import { makeStyles } from '@material-ui/core/styles';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { DragEvent, useRef, useState } from 'react';
import { evidenceUploadApiRef } from '../../api/EvidenceUploadApi';
import { describeError } from '../../api/responseErrors';
import { formatSize } from './format';

const useStyles = makeStyles(theme => ({
  zone: {
    border: `2px dashed ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    padding: theme.spacing(2),
    textAlign: 'center',
  },
  dragging: {
    borderColor: theme.palette.primary.main,
    backgroundColor: theme.palette.action.hover,
  },
}));

/** Where a file is dropped or chosen; it only picks, it does not send. */
function DropZone(props: {
  team: EvidenceTeam;
  disabled: boolean;
  onPick: (file: File) => void;
}) {
  const { team, disabled, onPick } = props;
  const classes = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file && !disabled) onPick(file);
  };

  return (
    <Box
      role="region"
      aria-label={`Drop ${team} evidence here`}
      className={`${classes.zone} ${dragging ? classes.dragging : ''}`}
      onDragOver={event => {
        // Without this the browser opens the dropped file instead.
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={drop}
    >
      <Typography variant="body2" color="textSecondary">
        Drop a file here, or
      </Typography>
      <Button
        variant="outlined"
        size="small"
        disabled={disabled}
        onClick={() => input.current?.click()}
        aria-label={`Choose ${team} evidence file`}
      >
        Choose file
      </Button>
      <input
        ref={input}
        type="file"
        hidden
        data-testid={`evidence-input-${team}`}
        onChange={event => {
          const file = event.target.files?.[0];
          if (file) onPick(file);
          // Lets the same file be chosen again after a failed upload.
          event.target.value = '';
        }}
      />
    </Box>
  );
}

/**
 * Picks one file and an optional description and uploads them to one side
 * of a test, showing how much was sent and the server's answer if refused.
 */
export function EvidenceUpload(props: {
  testId: string;
  team: EvidenceTeam;
  onUploaded: () => void;
}) {
  const { testId, team, onUploaded } = props;
  const uploader = useApi(evidenceUploadApiRef);
  const [file, setFile] = useState<File>();
  const [description, setDescription] = useState('');
  const [progress, setProgress] = useState<number>();
  const [error, setError] = useState<string>();
  const uploading = progress !== undefined;

  const pick = (picked: File) => {
    setFile(picked);
    setError(undefined);
  };
  const upload = async () => {
    if (!file) return;
    setError(undefined);
    setProgress(0);
    try {
      await uploader.upload({
        testId,
        team,
        file,
        description: description.trim() || undefined,
        onProgress: setProgress,
      });
      setFile(undefined);
      setDescription('');
      onUploaded();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setProgress(undefined);
    }
  };

  return (
    <Box mb={2}>
      <DropZone team={team} disabled={uploading} onPick={pick} />
      {file && (
        <Typography variant="body2">
          {file.name} ({formatSize(file.size)})
        </Typography>
      )}
      <TextField
        id={`aegis-evidence-${team}-description`}
        label="Description (optional)"
        inputProps={{ 'aria-label': `Description of the ${team} evidence` }}
        value={description}
        onChange={event => setDescription(event.target.value)}
        disabled={uploading}
        fullWidth
        margin="dense"
      />
      {uploading && (
        <LinearProgress
          variant="determinate"
          value={Math.round((progress ?? 0) * 100)}
          aria-label={`Uploading ${file?.name ?? 'file'}`}
        />
      )}
      {error && (
        <Box mt={1}>
          <Alert severity="error">{error}</Alert>
        </Box>
      )}
      <Box mt={1}>
        <Button
          variant="contained"
          color="primary"
          disabled={!file || uploading}
          onClick={upload}
          aria-label={`Upload ${team} evidence`}
        >
          Upload
        </Button>
      </Box>
    </Box>
  );
}
