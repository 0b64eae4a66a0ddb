import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';
import { createOpenAssure } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/logging/logger.js';

/** Where the SDK keeps the document it is generated from, and the generated types. */
export const clientFiles = {
  document: path.resolve(import.meta.dirname, '../../packages/client/openapi.json'),
  schema: path.resolve(import.meta.dirname, '../../packages/client/src/schema.ts'),
};

// The document names its server; the SDK is pointed at a base URL by its user, so a neutral one is kept.
const documentServer = 'http://localhost:8080';

/**
 * The server's OpenAPI document, as `GET /assure/openapi.json` serves it, from an app started on a
 * throwaway SQLite store (nothing listens: the routes only need to be registered).
 */
export async function serverOpenApiText(): Promise<string> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'openassure-openapi-'));
  const config = loadConfig({
    OPENASSURE_DATA_DIR: dataDir,
    OPENASSURE_BLOB_KEY: randomBytes(32).toString('base64'),
    OPENASSURE_PUBLIC_URL: documentServer,
    LOG_LEVEL: 'error',
  });
  const app = await createOpenAssure(config, { logger: createLogger('error', { write: () => undefined }) });
  try {
    await app.http.ready();
    return `${JSON.stringify(app.http.swagger(), null, 2)}\n`;
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The TypeScript types openapi-typescript writes for a document. */
export async function schemaTypesText(documentText: string): Promise<string> {
  const ast = await openapiTS(JSON.parse(documentText) as Parameters<typeof openapiTS>[0], {
    // Response fields the server always sends are required in the types, as the schemas say.
    alphabetize: false,
  });
  return `${COMMENT_HEADER}${astToString(ast)}`;
}
