/** The error body every Assure endpoint answers with (see the server's docs/errors.md). */
export interface AssureProblem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  method?: string;
  timestamp?: string;
  traceId?: string;
  [field: string]: unknown;
}

/** A failed Assure call: the upstream error body, with the HTTP status and the trace id to quote. */
export class AssureError extends Error {
  readonly status: number;
  readonly problem: AssureProblem;

  constructor(status: number, problem: AssureProblem) {
    super(`${status} ${problem.title}${problem.detail ? `: ${problem.detail}` : ''}`);
    this.name = 'AssureError';
    this.status = status;
    this.problem = problem;
  }

  get traceId(): string | undefined {
    return this.problem.traceId;
  }
}

/** The token endpoint refused the client's credentials or request (OAuth 2.0 error format). */
export class TokenError extends Error {
  readonly status: number;
  readonly error: string;

  constructor(status: number, error: string, description: string | undefined) {
    super(`Token request refused (${status} ${error})${description ? `: ${description}` : ''}`);
    this.name = 'TokenError';
    this.status = status;
    this.error = error;
  }
}

/** Reads an error response into an AssureProblem, even when its body is not one (a proxy's HTML page). */
export async function problemOf(response: Response): Promise<AssureProblem> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as Partial<AssureProblem>;
    if (typeof body === 'object' && body !== null && typeof body.title === 'string') {
      return { ...body, type: String(body.type ?? ''), title: body.title, status: response.status };
    }
  } catch {
    // Not JSON: described below.
  }
  return {
    type: response.status >= 500 ? 'base:server-problem' : 'base:client-problem',
    title: response.statusText || `HTTP ${response.status}`,
    status: response.status,
    detail: text.slice(0, 500),
  };
}
