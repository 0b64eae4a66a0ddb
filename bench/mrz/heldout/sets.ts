import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  heldoutDocument,
  seedsOf,
  type HeldoutDocument,
  type HeldoutFamily,
  type HeldoutQuality,
  type Part,
} from './generate.js';

/**
 * Rendered documents are kept between runs (rendering costs more than reading): bump the version
 * whenever the generator draws differently.
 */
const generatorVersion = 1;
const cacheDir = path.join(tmpdir(), `openassure-mrz-heldout-v${generatorVersion}`);

async function cached(family: HeldoutFamily, quality: HeldoutQuality, seed: number): Promise<HeldoutDocument> {
  const base = path.join(cacheDir, `${family}-${quality}-${seed}`);
  if (existsSync(`${base}.txt`)) {
    return { lines: readFileSync(`${base}.txt`, 'utf8').split('\n'), image: readFileSync(`${base}.img`) };
  }
  const document = await heldoutDocument(family, quality, seed);
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(`${base}.img`, document.image);
  writeFileSync(`${base}.txt`, document.lines.join('\n'));
  return document;
}

const families = new Set(['td1', 'td3']);
const qualities = new Set(['clean', 'scan', 'photo', 'harsh']);
const parts = new Set(['tuning', 'heldout']);

export interface NamedDocument {
  name: string;
  lines: string[];
  image: Buffer;
}

/** The sets to read, one per part, family and quality, in the order the table prints them. */
export function heldoutSets(
  partNames: string[],
  familyNames: string[],
  qualityNames: string[],
  count: number,
): Array<{ label: string; documents: AsyncGenerator<NamedDocument> }> {
  const unknown = [
    ...partNames.filter((p) => !parts.has(p)),
    ...familyNames.filter((f) => !families.has(f)),
    ...qualityNames.filter((q) => !qualities.has(q)),
  ];
  if (unknown.length > 0) throw new Error(`unknown part, family or quality: ${unknown.join(', ')}`);
  const sets: Array<{ label: string; documents: AsyncGenerator<NamedDocument> }> = [];
  for (const family of familyNames as HeldoutFamily[]) {
    for (const quality of qualityNames as HeldoutQuality[]) {
      for (const part of partNames as Part[]) {
        async function* documents(): AsyncGenerator<NamedDocument> {
          for (const seed of seedsOf(part, count)) {
            const document = await cached(family, quality, seed);
            yield { name: `${family} ${quality} ${part} seed ${seed}`, ...document };
          }
        }
        sets.push({ label: `${family} ${quality} (${part})`, documents: documents() });
      }
    }
  }
  return sets;
}
