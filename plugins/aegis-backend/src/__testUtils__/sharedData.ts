import { existsSync } from 'fs';
import { join } from 'path';

/**
 * A file of the real third-party data (MITRE ATT&CK bundles, Atomic Red Team
 * archives) in the folder AEGIS_SHARED_DATA names; scripts/test.sh and
 * .ci/run set it. The data is never copied into the project.
 */
export function sharedDataFile(relativePath: string): string {
  const folder = process.env.AEGIS_SHARED_DATA;
  const path = folder && join(folder, relativePath);
  if (!path || !existsSync(path)) {
    throw new Error(
      `Set AEGIS_SHARED_DATA to the shared data folder (missing ${relativePath}); scripts/test.sh sets it`,
    );
  }
  return path;
}
