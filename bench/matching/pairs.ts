import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shared corpus (read in place, never copied into the project). */
const corpusDir = path.resolve(fileURLToPath(new URL('../../../shared/corpus/', import.meta.url)));
const pairsFile = path.join(corpusDir, 'name-matching/name_matching_cases.json');

export interface NamePair {
  name1: string;
  name2: string;
  isMatch: boolean;
  /** STRONG, MEDIUM or WEAK: how sure the labeller was. */
  quality: string;
}

/** The labelled person-name pairs (nomenklatura name_bench), or why they are not there. */
export function loadNamePairs(): { pairs: NamePair[] } | { missing: string } {
  if (!existsSync(pairsFile)) return { missing: `no name pairs at ${pairsFile}` };
  const data = JSON.parse(readFileSync(pairsFile, 'utf8')) as { personNamePairs: { pairs: NamePair[] } };
  return { pairs: data.personNamePairs.pairs };
}
