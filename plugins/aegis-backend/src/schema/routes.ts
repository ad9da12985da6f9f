import { RouteContext } from '../service/types';
import { OpenApiDocument } from './openapi';

/** Serves the OpenAPI document of the API, for people and generators. */
export function registerSchemaRoutes(
  context: RouteContext,
  document: OpenApiDocument,
): void {
  context.router.get('/openapi.json', (_req, res) => {
    res.json(document);
  });
}
