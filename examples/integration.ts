// Verify a passport photo with Signicat Paper and print the result:
//   ASSURE_URL=http://localhost:8080 ASSURE_CLIENT_ID=... ASSURE_CLIENT_SECRET=... tsx examples/integration.ts passport.jpg
import { readFileSync } from 'node:fs';
import { createAssureClient, unwrap } from '@openassure/client';

const { api } = createAssureClient({
  baseUrl: process.env.ASSURE_URL!,
  clientId: process.env.ASSURE_CLIENT_ID!,
  clientSecret: process.env.ASSURE_CLIENT_SECRET!,
});
const photo = `data:image/jpeg;base64,${readFileSync(process.argv[2]!).toString('base64')}`;

const { dossierId } = await unwrap(api.POST('/assure/dossiers', { body: { externalReference: 'order-1234' } }));
const { processId } = await unwrap(
  api.POST('/assure/dossiers/{dossierId}/processes', {
    params: { path: { dossierId } },
    body: { provider: 'signicatpaper', documentType: 'passport', documentCountry: 'NLD' },
  }),
);
const params = { path: { dossierId, processId } };
await unwrap(api.POST('/assure/dossiers/{dossierId}/processes/{processId}/images', { params, body: { front: photo } }));
await unwrap(api.POST('/assure/dossiers/{dossierId}/processes/{processId}', { params, body: {} }));

// A webhook tells when it is done (see verifyWebhook); polling keeps this example short.
let result = await unwrap(api.GET('/assure/dossiers/{dossierId}/processes/{processId}', { params }));
while (result.status === 'processing') {
  await new Promise((resolve) => setTimeout(resolve, 1000));
  result = await unwrap(api.GET('/assure/dossiers/{dossierId}/processes/{processId}', { params }));
}
console.log(result.status, JSON.stringify(result.finalResult ?? result.failReason));
