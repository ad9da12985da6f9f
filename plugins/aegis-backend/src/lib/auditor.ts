import { AuditorService } from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';
import { Request } from 'express';

/**
 * Runs a change inside a Backstage auditor event, which records its outcome
 * in the portal's audit stream beside Aegis's own queryable audit log.
 */
export async function audited<T>(
  auditor: AuditorService,
  options: {
    eventId: string;
    request: Request;
    meta: JsonObject;
  },
  change: () => Promise<T>,
): Promise<T> {
  const event = await auditor.createEvent({
    eventId: options.eventId,
    severityLevel: 'medium',
    request: options.request,
    meta: options.meta,
  });
  try {
    const result = await change();
    await event.success();
    return result;
  } catch (error) {
    await event.fail({ error: error as Error });
    throw error;
  }
}
