import { AttackDomain } from '../stix/model';
import { readBundleFile } from '../stix/readBundleFile';
import { BundleSource, FetchedBundle } from './BundleSource';

/** Bundles from `.json` or `.json.gz` files on disk, one per domain. */
export class FileBundleSource implements BundleSource {
  readonly name = 'file';

  constructor(
    private readonly files: Partial<Record<AttackDomain, string>>,
    private readonly maxBytes: number,
  ) {}

  unavailableFor(domain: AttackDomain): string | undefined {
    return this.files[domain]
      ? undefined
      : `no file configured for ${domain} (aegis.attack.sources.file.${domain})`;
  }

  async fetch(domain: AttackDomain): Promise<FetchedBundle> {
    const path = this.files[domain]!;
    return { bundle: await readBundleFile(path, this.maxBytes), detail: path };
  }
}
