import { CatalogTechniqueFeed } from '@aegis-security/plugin-aegis-common';
import {
  AuthService,
  DiscoveryService,
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import {
  DeferredEntity,
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { createHash } from 'node:crypto';
import { readAegisCatalogConfig } from '../config';
import { FeedEntityOptions, feedToEntities } from './feedEntities';
import {
  TechniqueFeedClient,
  TechniqueFeedSource,
} from './TechniqueFeedClient';

const PROVIDER_NAME = 'aegis-techniques';

/** What the catalog last received: entity refs and a hash of each entity. */
interface AppliedState {
  knowledgeBaseVersion: string;
  hashes: Map<string, string>;
}

/**
 * Provides a Technique entity per active ATT&CK technique and a Tactic entity
 * per tactic, from the Aegis technique feed.
 *
 * The first poll, and the first after an ATT&CK sync changed the knowledge
 * base, replace the provider's entities in full, which removes deprecated and
 * revoked techniques. Other polls send only the entities whose content
 * changed (a coverage change) and those that left the feed. While Aegis
 * cannot answer the catalog keeps what it has.
 *
 * @public
 */
export class AegisTechniqueEntityProvider implements EntityProvider {
  private connection?: EntityProviderConnection;
  private applied?: AppliedState;
  private unreachable = false;

  /**
   * Reads `aegis.catalog` and polls Aegis on every backend instance (local
   * scope): each instance compares the feed with what it last sent itself,
   * so a global lock that let instances take turns would have each compare
   * against an outdated baseline and could miss a change. The deltas that
   * several instances send for one change are the same and harmless.
   */
  static fromConfig(
    config: Config,
    deps: {
      logger: LoggerService;
      scheduler: SchedulerService;
      auth: AuthService;
      discovery: DiscoveryService;
    },
  ): AegisTechniqueEntityProvider {
    const settings = readAegisCatalogConfig(config);

    return new AegisTechniqueEntityProvider({
      source: new TechniqueFeedClient(deps),
      logger: deps.logger,
      schedule: deps.scheduler.createScheduledTaskRunner({
        frequency: settings.refreshInterval,
        timeout: { minutes: 2 },
        scope: 'local',
      }),
      entityOptions: {
        owner: settings.owner,
        appBaseUrl: settings.appBaseUrl,
      },
    });
  }

  constructor(
    private readonly options: {
      source: TechniqueFeedSource;
      logger: LoggerService;
      schedule: SchedulerServiceTaskRunner;
      entityOptions: FeedEntityOptions;
    },
  ) {}

  getProviderName(): string {
    return PROVIDER_NAME;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    await this.options.schedule.run({
      id: `${PROVIDER_NAME}:refresh`,
      fn: () => this.refresh(),
    });
  }

  /** Polls Aegis once and sends the catalog what changed. */
  async refresh(): Promise<void> {
    const connection = this.connection;
    if (!connection) {
      throw new Error(`${PROVIDER_NAME} is not connected to the catalog`);
    }

    const feed = await this.readFeed();
    if (!feed) {
      return;
    }

    const { entities, skipped } = feedToEntities(
      feed,
      this.options.entityOptions,
    );
    const next: AppliedState = {
      knowledgeBaseVersion: feed.knowledgeBaseVersion,
      hashes: new Map(entities.map(e => [stringifyEntityRef(e), hashOf(e)])),
    };

    if (this.applied?.knowledgeBaseVersion === feed.knowledgeBaseVersion) {
      await this.applyDelta(connection, entities, next);
    } else {
      await connection.applyMutation({
        type: 'full',
        entities: entities.map(deferred),
      });
      this.options.logger.info('Replaced ATT&CK entities in the catalog', {
        knowledgeBaseVersion: feed.knowledgeBaseVersion,
        entities: entities.length,
        skipped: skipped.length,
        ...(skipped.length ? { skippedIds: skipped.join(', ') } : {}),
      });
    }
    this.applied = next;
  }

  /** The feed, or undefined while Aegis cannot answer (warned once). */
  private async readFeed(): Promise<CatalogTechniqueFeed | undefined> {
    const { logger, source } = this.options;
    try {
      const feed = await source.readFeed();
      if (this.unreachable) {
        logger.info('Aegis technique feed available again');
        this.unreachable = false;
      }
      return feed;
    } catch (error) {
      // One warning per outage, not one per poll.
      if (!this.unreachable) {
        logger.warn(
          'Aegis technique feed unavailable; catalog entities left as they are',
          error as Error,
        );
        this.unreachable = true;
      }
      return undefined;
    }
  }

  /** Sends the entities whose hash changed and the refs that are gone. */
  private async applyDelta(
    connection: EntityProviderConnection,
    entities: Entity[],
    next: AppliedState,
  ) {
    const previous = this.applied!.hashes;
    const changed = entities.filter(entity => {
      const ref = stringifyEntityRef(entity);
      return previous.get(ref) !== next.hashes.get(ref);
    });
    const removed = [...previous.keys()].filter(ref => !next.hashes.has(ref));
    if (changed.length === 0 && removed.length === 0) {
      return;
    }

    await connection.applyMutation({
      type: 'delta',
      added: changed.map(deferred),
      removed: removed.map(entityRef => ({
        entityRef,
        locationKey: PROVIDER_NAME,
      })),
    });
    this.options.logger.info('Updated ATT&CK entities in the catalog', {
      knowledgeBaseVersion: next.knowledgeBaseVersion,
      changed: changed.length,
      removed: removed.length,
    });
  }
}

function deferred(entity: Entity): DeferredEntity {
  return { entity, locationKey: PROVIDER_NAME };
}

function hashOf(entity: Entity): string {
  return createHash('sha256').update(JSON.stringify(entity)).digest('hex');
}
