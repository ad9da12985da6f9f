import { Config } from '@backstage/config';

/** The settings of the S3-compatible store. */
export interface S3StoreConfig {
  bucket: string;
  region: string;
  endpoint?: string;
  forcePathStyle: boolean;
  /** Absent: the standard AWS credential chain. */
  credentials?: {
    accessKeyId: string;
    secretAccessKey: string;
    sessionToken?: string;
  };
  serverSideEncryption?: 'AES256' | 'aws:kms' | 'aws:kms:dsse';
  sseKmsKeyId?: string;
  requestChecksumCalculation: 'WHEN_SUPPORTED' | 'WHEN_REQUIRED';
  responseChecksumValidation: 'WHEN_SUPPORTED' | 'WHEN_REQUIRED';
  presignedDownloads: {
    enabled: boolean;
    /** Only files of at least this size get a presigned URL. */
    minBytes: number;
    expirySeconds: number;
  };
}

/** The evidence settings, `aegis.evidence` in app-config. */
export interface EvidenceConfig {
  store: 'local' | 's3';
  maxBytes: number;
  /** Whether red must upload at least one file before submitting. */
  requireRedEvidence: boolean;
  localDirectory: string;
  s3?: S3StoreConfig;
}

const MB = 1024 * 1024;

export function readEvidenceConfig(config: Config): EvidenceConfig {
  const evidence = config.getOptionalConfig('aegis.evidence');
  const store = evidence?.getOptionalString('store') ?? 'local';
  if (store !== 'local' && store !== 's3') {
    throw new Error(
      `aegis.evidence.store must be 'local' or 's3', not '${store}'`,
    );
  }
  const maxBytes = evidence?.getOptionalNumber('maxBytes') ?? 100 * MB;
  if (!Number.isInteger(maxBytes) || maxBytes < 1) {
    throw new Error('aegis.evidence.maxBytes must be a positive integer');
  }

  return {
    store,
    maxBytes,
    requireRedEvidence:
      evidence?.getOptionalBoolean('requireRedEvidence') ?? true,
    localDirectory:
      evidence?.getOptionalString('local.directory') ?? 'data/evidence',
    s3: store === 's3' ? readS3Config(evidence!.getConfig('s3')) : undefined,
  };
}

function readS3Config(s3: Config): S3StoreConfig {
  const accessKeyId = s3.getOptionalString('accessKeyId');
  const secretAccessKey = s3.getOptionalString('secretAccessKey');
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new Error(
      'aegis.evidence.s3 needs both accessKeyId and secretAccessKey, or neither (the AWS credential chain)',
    );
  }
  const presign = s3.getOptionalConfig('presignedDownloads');
  return {
    bucket: s3.getString('bucket'),
    region: s3.getOptionalString('region') ?? 'us-east-1',
    endpoint: s3.getOptionalString('endpoint'),
    forcePathStyle: s3.getOptionalBoolean('forcePathStyle') ?? false,
    credentials:
      accessKeyId && secretAccessKey
        ? {
            accessKeyId,
            secretAccessKey,
            sessionToken: s3.getOptionalString('sessionToken'),
          }
        : undefined,
    serverSideEncryption: oneOf(
      s3,
      'serverSideEncryption',
      ['AES256', 'aws:kms', 'aws:kms:dsse'] as const,
      undefined,
    ),
    sseKmsKeyId: s3.getOptionalString('sseKmsKeyId'),
    requestChecksumCalculation: oneOf(
      s3,
      'requestChecksumCalculation',
      ['WHEN_SUPPORTED', 'WHEN_REQUIRED'] as const,
      'WHEN_SUPPORTED',
    ),
    responseChecksumValidation: oneOf(
      s3,
      'responseChecksumValidation',
      ['WHEN_SUPPORTED', 'WHEN_REQUIRED'] as const,
      'WHEN_SUPPORTED',
    ),
    presignedDownloads: {
      enabled: presign?.getOptionalBoolean('enabled') ?? false,
      minBytes: presign?.getOptionalNumber('minBytes') ?? 100 * MB,
      expirySeconds: presign?.getOptionalNumber('expirySeconds') ?? 300,
    },
  };
}

function oneOf<T extends string, D extends T | undefined>(
  config: Config,
  key: string,
  values: readonly T[],
  fallback: D,
): T | D {
  const value = config.getOptionalString(key);
  if (value === undefined) return fallback;
  if (!values.includes(value as T)) {
    throw new Error(
      `aegis.evidence.s3.${key} must be one of ${values.join(', ')}`,
    );
  }
  return value as T;
}
