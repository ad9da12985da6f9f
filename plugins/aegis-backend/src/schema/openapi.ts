import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { readFile } from 'fs/promises';
import { parse } from 'yaml';

/** The OpenAPI document of the Aegis API, as written in openapi.yaml. */
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}

/** Reads the OpenAPI document shipped with the plugin. */
export async function loadOpenApiDocument(): Promise<OpenApiDocument> {
  const file = resolvePackagePath(
    '@aegis-security/plugin-aegis-backend',
    'src/schema/openapi.yaml',
  );
  return parse(await readFile(file, 'utf8')) as OpenApiDocument;
}
