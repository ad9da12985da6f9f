import { AttackDomain } from '../stix/model';

/** A bundle fetched from a source, not yet parsed. */
export interface FetchedBundle {
  bundle: unknown;
  /** Where it came from, for the run record (a path or URL). */
  detail: string;
}

/**
 * A place ATT&CK bundles come from. A source that is not configured for a
 * domain says why, so each run records why it was passed over.
 */
export interface BundleSource {
  readonly name: string;
  /** Why the source cannot serve the domain, or undefined when it can. */
  unavailableFor(domain: AttackDomain): string | undefined;
  fetch(domain: AttackDomain): Promise<FetchedBundle>;
}
