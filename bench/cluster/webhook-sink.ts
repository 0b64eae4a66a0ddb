import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhook } from '../../packages/client/src/index.js';

interface CompletedEvent {
  type: string;
  data: { processId: string; status: string };
}

/** What one endpoint received of one process's `process.completed`. */
export interface Completions {
  /** Distinct Standard Webhooks message ids: one message, however often it was sent. */
  messageIds: Set<string>;
  /** HTTP deliveries, retries of the same message included. */
  deliveries: number;
}

/**
 * Webhook endpoints on loopback (one path each) that check every signature with the SDK's verifyWebhook
 * and count, per endpoint and process, the `process.completed` messages and deliveries received.
 */
export class WebhookSink {
  readonly completed = new Map<string, Map<string, Completions>>();
  /** Requests whose signature did not verify. */
  rejected = 0;
  private readonly secrets = new Map<string, string>();

  private constructor(private readonly server: Server) {}

  static async start(): Promise<WebhookSink> {
    const server = createServer();
    const sink = new WebhookSink(server);
    server.on('request', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        void sink.receive(req.url ?? '', req.headers, Buffer.concat(chunks).toString('utf8')).then((ok) => {
          res.writeHead(ok ? 204 : 400).end();
        });
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return sink;
  }

  url(endpoint: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/${endpoint}`;
  }

  /** The endpoint's signing secret, from the API's answer when it was subscribed. */
  setSecret(endpoint: string, secret: string): void {
    this.secrets.set(`/${endpoint}`, secret);
    this.completed.set(`/${endpoint}`, new Map());
  }

  /** Per endpoint: processes with exactly one message, none, or several. */
  tally(
    processIds: readonly string[],
  ): Array<{ endpoint: string; once: number; lost: number; duplicated: number; redelivered: number }> {
    return [...this.completed].map(([endpoint, byProcess]) => {
      const counts = processIds.map((id) => byProcess.get(id));
      return {
        endpoint,
        once: counts.filter((c) => c?.messageIds.size === 1).length,
        lost: counts.filter((c) => c === undefined).length,
        duplicated: counts.filter((c) => (c?.messageIds.size ?? 0) > 1).length,
        redelivered: counts.filter((c) => c !== undefined && c.deliveries > c.messageIds.size).length,
      };
    });
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async receive(endpoint: string, headers: Record<string, string | string[] | undefined>, body: string) {
    const secret = this.secrets.get(endpoint);
    const byProcess = this.completed.get(endpoint);
    if (!secret || !byProcess) return false;
    let event: CompletedEvent;
    try {
      event = await verifyWebhook<CompletedEvent>(secret, headers, body);
    } catch {
      this.rejected++;
      return false;
    }
    if (event.type !== 'process.completed') return true;
    const entry = byProcess.get(event.data.processId) ?? { messageIds: new Set<string>(), deliveries: 0 };
    entry.messageIds.add(String(headers['webhook-id']));
    entry.deliveries++;
    byProcess.set(event.data.processId, entry);
    return true;
  }
}
