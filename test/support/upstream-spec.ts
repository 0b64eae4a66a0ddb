import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { sharedMaterial, upstreamSpecPath } from './shared-material.js';

/**
 * Validates responses against the upstream Assure OpenAPI document, so that every response the test
 * suite receives is also a compatibility check. The document is read from ../shared/spec (or
 * OPENASSURE_UPSTREAM_SPEC); without it, validation is skipped and the suite says so once (in CI,
 * its absence is an error: see shared-material.ts).
 */
export { upstreamSpecPath };

interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

interface Spec {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
}

export interface ResponseToCheck {
  method: string;
  /** Path as requested, e.g. /assure/dossiers/123?x=y */
  path: string;
  status: number;
  contentType: string | undefined;
  body: Buffer;
}

export class UpstreamSpec {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly routes: { method: string; pattern: RegExp; template: string }[] = [];

  constructor(private readonly spec: Spec) {
    addFormats.default(this.ajv);
    this.ajv.addFormat('int32', {
      type: 'number',
      validate: (n: number) => Number.isInteger(n) && Math.abs(n) < 2 ** 31,
    });
    this.ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
    this.ajv.addFormat('binary', () => true);
    this.ajv.addSchema({ $id: 'upstream', components: spec.components }, 'upstream');
    for (const [template, operations] of Object.entries(spec.paths)) {
      const pattern = new RegExp(`^/assure${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
      for (const method of Object.keys(operations))
        this.routes.push({ method: method.toUpperCase(), pattern, template });
    }
    // Static paths win over templated ones (/dossiers/all before /dossiers/{dossierId}), as in routers.
    this.routes.sort((a, b) => (a.template.match(/\{/g)?.length ?? 0) - (b.template.match(/\{/g)?.length ?? 0));
  }

  static load(): UpstreamSpec | undefined {
    if (!sharedMaterial('the upstream API document', upstreamSpecPath)) return undefined;
    return new UpstreamSpec(applyErrata(JSON.parse(readFileSync(upstreamSpecPath, 'utf8')) as Spec));
  }

  /** Problems with a response, or [] when it matches upstream (or upstream does not define the route). */
  check(response: ResponseToCheck): string[] {
    const pathOnly = response.path.split('?')[0]!.replace(/\/+$/, '');
    const route = this.routes.find((r) => r.method === response.method && r.pattern.test(pathOnly));
    if (!route) return [];
    const operation = this.spec.paths[route.template]![route.method.toLowerCase()]!;
    const where = `${response.method} ${route.template} → ${response.status}`;
    const documented = operation.responses[String(response.status)];
    if (!documented) {
      // A status upstream does not list for this operation must still be an upstream-shaped error.
      if (response.status < 400) return [`${where}: upstream does not document this success status`];
      return this.checkJson(where, response, { $ref: 'upstream#/components/schemas/ErrorResponse' });
    }
    // A 204 has no body, whatever content upstream lists for it (download and raw list application/zip).
    if (response.status === 204) {
      return response.body.length === 0 ? [] : [`${where}: a 204 must not have a body`];
    }
    // Upstream writes one media type key as "video/mp4,video/quicktime".
    const content = Object.fromEntries(
      Object.entries(documented.content ?? {}).flatMap(([key, value]) =>
        key.split(',').map((type) => [type.trim(), value]),
      ),
    );
    const types = Object.keys(content);
    if (types.length === 0) {
      // Delete process documents its 401 and 404 without a body, unlike every other operation's errors.
      if (response.status >= 400) {
        return this.checkJson(where, response, { $ref: 'upstream#/components/schemas/ErrorResponse' });
      }
      return response.body.length === 0
        ? []
        : [`${where}: upstream documents no body, got ${response.body.length} bytes`];
    }
    const mediaType = (response.contentType ?? '').split(';')[0]!.trim();
    const entry = content[mediaType] ?? content['*/*'] ?? binaryEntry(content, mediaType);
    if (!entry) return [`${where}: content type ${mediaType} is not one of ${types.join(', ')}`];
    if (!entry.schema || isBinary(entry.schema)) return [];
    return this.checkJson(where, response, rewriteRefs(entry.schema));
  }

  private checkJson(where: string, response: ResponseToCheck, schema: unknown): string[] {
    let body: unknown;
    try {
      body = JSON.parse(response.body.toString('utf8'));
    } catch {
      return [`${where}: the body is not JSON`];
    }
    const key = JSON.stringify(schema);
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(schema as object);
      this.validators.set(key, validate);
    }
    if (validate(body)) return [];
    return (validate.errors ?? []).map((e) => `${where}: ${e.instancePath || '(body)'} ${e.message ?? ''}`);
  }
}

function isBinary(schema: unknown): boolean {
  return typeof schema === 'object' && schema !== null && (schema as { format?: string }).format === 'binary';
}

/** Image bytes come with their real image type where upstream says application/octet-stream. */
function binaryEntry(content: Record<string, { schema?: unknown }>, mediaType: string) {
  if (!mediaType.startsWith('image/')) return undefined;
  return content['application/octet-stream'];
}

function rewriteRefs(schema: unknown): unknown {
  return JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"upstream#/components/'));
}

/**
 * Places where the upstream document's schemas contradict upstream's own response examples. The
 * examples show what the service sends, so the schema is relaxed to admit them (upstream-spec.test.ts checks
 * that each example now passes):
 * - Process.depictions puts its enum on the array instead of on the items.
 * - finalResult.livenessDetected and Paper verification.status are strings ("true") in every example.
 * - WebID identResponse.actionType / identMode examples ("pass", "video_ident") are outside their enums.
 * - Paper features.gender is "UNEXPECTED_VALUE" in the inconclusive example of the results page.
 * - Connect's finalResult is documented as not normalised: its example has gender "1".
 * - The match response's MatchComponent.dataNode leaves out `ocr`, which the request's MatchRequestComponent
 *   accepts and the response names back.
 */
export function applyErrata(spec: Spec): Spec {
  const schemas = spec.components.schemas as Record<string, { properties: Record<string, Record<string, unknown>> }>;
  const depictions = schemas.Process!.properties.depictions!;
  depictions.items = { type: 'string', enum: depictions.enum };
  delete depictions.enum;
  for (const [schema, property] of [
    ['FinalResultDetails', 'livenessDetected'],
    ['PaperVerification', 'status'],
  ] as const) {
    schemas[schema]!.properties[property]!.type = ['boolean', 'string'];
  }
  for (const property of ['actionType', 'identMode']) delete schemas.WebIDIdentResponse!.properties[property]!.enum;
  delete schemas.PaperFeatures!.properties.gender!.enum;
  delete schemas.FinalResultDetails!.properties.gender!.enum;
  schemas.MatchComponent!.properties.dataNode!.enum = schemas.MatchRequestComponent!.properties.dataNode!.enum;
  return spec;
}
