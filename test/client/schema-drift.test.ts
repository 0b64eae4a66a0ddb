import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clientFiles, schemaTypesText, serverOpenApiText } from '../../scripts/client/openapi-source.js';

// The SDK is generated from the server's OpenAPI document; a route or schema change must regenerate it.
const regenerate = 'The SDK is out of date with the server: run `npm run generate:client` and commit the result.';

describe('the SDK generated from the OpenAPI document', () => {
  it('holds the document the server serves today, and the types generated from it', async () => {
    const document = await serverOpenApiText();
    expect(readFileSync(clientFiles.document, 'utf8') === document, regenerate).toBe(true);
    expect(readFileSync(clientFiles.schema, 'utf8') === (await schemaTypesText(document)), regenerate).toBe(true);
  }, 180_000);
});
