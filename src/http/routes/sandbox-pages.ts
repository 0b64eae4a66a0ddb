import type { FastifyInstance } from 'fastify';

const page = (path: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>OpenAssure sandbox</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#123}
code{background:#eef;padding:.1rem .3rem;border-radius:.2rem}</style></head>
<body><h1>OpenAssure sandbox</h1>
<p>This address (<code>${path.replace(/[<>&"']/g, '')}</code>) stands in for a provider's own app, SDK endpoint or
video call. In the sandbox, no vendor is involved and nothing is captured here.</p>
<p>To finish the end-user's part of the process, the integrator calls
<code>POST /assure/sandbox/dossiers/{dossierId}/processes/{processId}/complete</code>, optionally with
<code>{"scenario": "&lt;id&gt;"}</code> from <code>GET /assure/sandbox/scenarios</code>.</p></body></html>`;

/**
 * The links the sandbox hands out in create-process responses (WebID's redirectUrl, ReadID's universal
 * link and API URL, VideoID's SDK URL) land here rather than on a vendor, with an explanation.
 */
export async function sandboxPageRoutes(app: FastifyInstance): Promise<void> {
  app.get('/sandbox/*', { schema: { hide: true } }, async (request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
      .send(page(request.url.split('?')[0] ?? '/sandbox')),
  );
}
