import { Readable } from 'node:stream';

/**
 * Where evidence content lives. Implementations stream in both directions
 * and never hold a whole object in memory.
 */
export interface ObjectStore {
  /** Stores a stream under a key; rejects, leaving nothing, on failure. */
  put(key: string, body: Readable): Promise<void>;

  /** Opens an object for reading; undefined when it does not exist. */
  get(key: string): Promise<Readable | undefined>;

  /** The size of an object, or undefined when it does not exist. */
  size(key: string): Promise<number | undefined>;

  /**
   * Moves an object to a new key. When the target exists it already holds
   * the same content (keys end in the content hash): the source is dropped.
   */
  move(from: string, to: string): Promise<void>;

  /** Removes an object; removing a missing one is not an error. */
  delete(key: string): Promise<void>;

  /**
   * A short-lived URL that downloads an object as an attachment, where the
   * store supports it.
   */
  presignDownload?(
    key: string,
    filename: string,
    expiresInSeconds: number,
  ): Promise<string>;
}
