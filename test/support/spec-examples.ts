import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { sharedMaterial, specDir, upstreamSpecPath } from './shared-material.js';

/**
 * The Get process response examples of the upstream documentation, extracted from the spec folder
 * (the OpenAPI document and the provider .txt pages). The pages' JSON is hand-written: some examples
 * have trailing commas or elide parts with "...". Elided parts become ELIDED, which matches anything.
 */
export { specDir };
export const ELIDED = '__ELIDED__';

export interface ProcessExample {
  /** file:line, or openapi#<example name> */
  source: string;
  /** The text just before the example, to tell examples apart in test names. */
  title: string;
  example: Record<string, unknown>;
}

export const specAvailable = (): boolean => sharedMaterial('the upstream API document', upstreamSpecPath);

/** Every Get process example that names a provider, from every source in the spec folder. */
export function processExamples(): ProcessExample[] {
  if (!specAvailable()) return [];
  const fromText = readdirSync(specDir)
    .filter((file) => file.endsWith('.txt'))
    .flatMap((file) => examplesInText(file, readFileSync(path.join(specDir, file), 'utf8')));
  // Examples of processes still pending or processing show no result: there is nothing for a mapping
  // to reproduce in them.
  return [...fromText, ...examplesInOpenApi()].filter(
    (e) =>
      typeof e.example.provider === 'string' && e.example.status !== 'pending' && e.example.status !== 'processing',
  );
}

/** The examples of one provider (`connect` matches every `connect:<method>`). */
export function processExamplesOf(provider: string): ProcessExample[] {
  return processExamples().filter((e) => {
    const value = String(e.example.provider);
    return value === provider || (provider === 'connect' && value.startsWith('connect:'));
  });
}

function examplesInOpenApi(): ProcessExample[] {
  const document = JSON.parse(readFileSync(upstreamSpecPath, 'utf8')) as {
    paths: Record<
      string,
      Record<
        string,
        { responses: Record<string, { content?: Record<string, { examples?: Record<string, { value: unknown }> }> }> }
      >
    >;
  };
  const examples =
    document.paths['/dossiers/{dossierId}/processes/{processId}']?.get?.responses['200']?.content?.['application/json']
      ?.examples ?? {};
  return Object.entries(examples).flatMap(([name, { value }]) => {
    const parsed = typeof value === 'string' ? lenientParse(value) : value;
    return parsed && typeof parsed === 'object'
      ? [{ source: `openapi#${name}`, title: name, example: parsed as Record<string, unknown> }]
      : [];
  });
}

function examplesInText(file: string, text: string): ProcessExample[] {
  const lines = text.split('\n');
  const found: ProcessExample[] = [];
  let index = 0;
  while (index < lines.length) {
    if (lines[index]!.trim() !== '{') {
      index++;
      continue;
    }
    const end = closingLine(lines, index);
    if (end === undefined) {
      index++;
      continue;
    }
    const parsed = lenientParse(lines.slice(index, end + 1).join('\n'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      found.push({
        source: `${file}:${index + 1}`,
        title: titleBefore(lines, index),
        example: parsed as Record<string, unknown>,
      });
      index = end + 1;
    } else {
      index++;
    }
  }
  return found;
}

/** The line holding the brace that closes the object opened on `start` (strings taken into account). */
function closingLine(lines: string[], start: number): number | undefined {
  let depth = 0;
  for (let i = start; i < lines.length; i++) {
    let inString = false;
    for (let c = 0; c < lines[i]!.length; c++) {
      const ch = lines[i]![c];
      if (inString) {
        if (ch === '\\') c++;
        else if (ch === '"') inString = false;
      } else if (ch === '"') inString = true;
      else if (ch === '{' || ch === '[') depth++;
      else if (ch === '}' || ch === ']') {
        depth--;
        if (depth === 0) return i;
      }
    }
  }
  return undefined;
}

function titleBefore(lines: string[], index: number): string {
  const prose: string[] = [];
  for (let i = index - 1; i >= 0 && prose.length < 2; i--) {
    const line = lines[i]!.trim();
    if (line !== '' && !/^[{}[\]",]/.test(line)) prose.unshift(line.replace(/^#+\s*/, ''));
  }
  return prose.join(' / ').slice(0, 160);
}

export function lenientParse(text: string): unknown {
  const cleaned = text
    .replace(/\{\s*\.\.\.\s*\}/g, `"${ELIDED}"`)
    .replace(/^\s*\.\.\.\s*,?\s*$/gm, `"${ELIDED}",`)
    .replace(/,(\s*[}\]])/g, '$1');
  try {
    return JSON.parse(cleaned);
  } catch {
    return undefined;
  }
}

/** Differences between an upstream example part and ours; ELIDED in the example matches anything. */
export function differences(expected: unknown, actual: unknown, at = ''): string[] {
  if (expected === ELIDED) return [];
  if (Array.isArray(expected)) {
    if (expected.includes(ELIDED)) return Array.isArray(actual) ? [] : [`${at}: expected an array`];
    if (!Array.isArray(actual)) return [`${at}: expected an array, got ${JSON.stringify(actual)}`];
    if (expected.length !== actual.length) return [`${at}: expected ${expected.length} items, got ${actual.length}`];
    return expected.flatMap((item, i) => differences(item, actual[i], `${at}[${i}]`));
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual))
      return [`${at}: expected an object, got ${JSON.stringify(actual)}`];
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    return [...keys].flatMap((key) =>
      differences((expected as Record<string, unknown>)[key], (actual as Record<string, unknown>)[key], `${at}.${key}`),
    );
  }
  return Object.is(expected, actual)
    ? []
    : [`${at}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
}
