import type { IncomingHttpHeaders } from 'node:http';
import { scenarioHeader } from '../../sandbox/choice.js';

/** The X-Sandbox-Scenario header of a request, if any (the services check who may send it). */
export function scenarioOf(headers: IncomingHttpHeaders): string | undefined {
  const value = headers[scenarioHeader];
  const text = Array.isArray(value) ? value[0] : value;
  return text === undefined || text.trim() === '' ? undefined : text.trim();
}
