import type { BackendInput, BackendResult, VerificationBackend } from './backend.js';

/** For live processes of providers that no configured backend serves: they fail, saying why. */
export class UnavailableBackend implements VerificationBackend {
  async produce({ definition }: BackendInput): Promise<BackendResult> {
    return {
      outcome: {
        status: 'failed',
        failReason: {
          type: 'ProviderUnavailable',
          message: `No live verification backend is configured for ${definition.title} on this server; use a sandbox client, or an engine-backed provider.`,
        },
      },
    };
  }
}
