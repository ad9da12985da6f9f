import { ServiceUnavailableError } from '@backstage/errors';
import { RouteContext } from '../service/types';

/** Health of the plugin, for load balancers and monitoring. */
export function registerSystemRoutes(context: RouteContext): void {
  const { router, db, logger } = context;

  router.get('/health', async (_req, res) => {
    try {
      await db.raw('select 1');
    } catch (error) {
      logger.warn('Health check failed to reach the database', error as Error);
      throw new ServiceUnavailableError('The Aegis database is unreachable');
    }
    res.json({ status: 'ok' });
  });
}
