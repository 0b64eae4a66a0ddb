/**
 * Regenerates the SDK's copy of the OpenAPI document and its types from the server's routes:
 * `npm run generate:client`. A test fails when they are out of date (test/api/client-sdk-schema.test.ts).
 */
import { writeFileSync } from 'node:fs';
import { clientFiles, schemaTypesText, serverOpenApiText } from './openapi-source.js';

const document = await serverOpenApiText();
writeFileSync(clientFiles.document, document);
writeFileSync(clientFiles.schema, await schemaTypesText(document));
console.log(`Wrote ${clientFiles.document} and ${clientFiles.schema}.`);
