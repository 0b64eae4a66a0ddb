import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  matchFields,
  resolveFields,
  type FieldConfiguration,
  type FieldMatchResult,
} from '../../src/matching/index.js';
import { corpusFile, sharedMaterial } from '../support/shared-material.js';
import { storeKinds } from '../support/store-kinds.js';
import { useTestServer, type TestServer } from '../support/test-server.js';

interface Transliteration {
  latin: { char: string; recommended: string }[];
  cyrillic: { char: string; default: string }[];
  samples: {
    icaoNameRules: { viz?: string; mrzName?: string; arabic?: string; mrz?: string }[];
    generatorTests: { surname: string; givenNames: string; expectedNameField: string; dictionary: string }[];
  };
}
interface NamePair {
  name1: string;
  name2: string;
  isMatch: boolean;
}

const tableFile = corpusFile('transliteration/icao9303_part3_transliteration.json');
const pairsFile = corpusFile('name-matching/name_matching_cases.json');
const available =
  sharedMaterial('the transliteration tables of the corpus', tableFile) &&
  sharedMaterial('the name pairs of the corpus', pairsFile);
const table = available ? (JSON.parse(readFileSync(tableFile, 'utf8')) as Transliteration) : undefined;
const pairs = available
  ? (JSON.parse(readFileSync(pairsFile, 'utf8')) as { personNamePairs: { pairs: NamePair[] } }).personNamePairs.pairs
  : [];

/** Two values of one dossier's user data, compared with each other: firstName against lastName. */
const pairFields = (...algorithms: ('fuzzy' | 'levenshtein')[]): FieldConfiguration[] => {
  const resolved = resolveFields(
    algorithms.map((algorithm) => ({
      id: algorithm,
      sourceField: 'firstName',
      targetField: 'lastName',
      normalization: 'cleanUpper' as const,
      algorithm,
    })),
  );
  if (!resolved.ok) throw new Error(resolved.problems.join(' '));
  return resolved.fields;
};

const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** A dossier whose user data is rewritten for each comparison, and the match of its two names. */
async function nameMatcher(server: TestServer, configurationId: string) {
  const { api } = server;
  const { dossierId } = (await api.post('/assure/dossiers', {})).json<{ dossierId: string }>();
  await api.post(`/assure/dossiers/${dossierId}/userdata`, { userData: { firstName: 'x' } });
  return async (firstName: string, lastName: string): Promise<Record<string, FieldMatchResult>> => {
    const put = await api.put(`/assure/dossiers/${dossierId}/userdata`, { userData: { firstName, lastName } });
    expect(put.status, put.text()).toBe(204);
    const response = await api.post(`/assure/dossiers/${dossierId}/match`, {
      source: { dataNode: 'userData' },
      target: { dataNode: 'userData' },
      configurationId,
    });
    expect(response.status, response.text()).toBe(200);
    return response.json<{ matchResult: Record<string, FieldMatchResult> }>().matchResult;
  };
}

describe.skipIf(!available).each(storeKinds)('matching with the corpus tables on %s', (kind) => {
  const server = useTestServer(kind);

  async function configure(id: string, fields: FieldConfiguration[]): Promise<void> {
    expect((await server().api.post(`/assure/matching/configurations/${id}`, { fields })).status).toBe(201);
  }

  it('cleanUpper writes every letter of the ICAO 9303 Latin and Cyrillic tables as ICAO does', async () => {
    await configure('icao-letters', pairFields('levenshtein'));
    const compare = await nameMatcher(server(), 'icao-letters');
    const rows = [
      ...table!.latin.map((r) => [r.char, r.recommended] as const),
      ...table!.cyrillic.map((r) => [r.char, r.default] as const),
    ];
    for (const chunk of chunks(rows, 10)) {
      const letters = chunk.map(([char]) => char).join(' ');
      const latin = chunk.map(([, latin]) => latin).join(' ');
      const { levenshtein } = await compare(letters.toLowerCase(), latin);
      expect(levenshtein, letters).toMatchObject({
        sourceNormalized: latin,
        targetNormalized: latin,
        exactMatch: true,
      });
    }
  });

  it("matches a document's name to its MRZ form exactly (ICAO name rules and generator samples)", async () => {
    await configure('icao-names', pairFields('levenshtein'));
    const compare = await nameMatcher(server(), 'icao-names');
    const viz = table!.samples.icaoNameRules.flatMap((r) =>
      r.viz !== undefined && r.mrzName !== undefined ? [[r.viz, r.mrzName] as const] : [],
    );
    // The rules' Arabic samples are left out: their text has lost the shadda whose doubling the
    // expected MRZ shows (src/matching/normalizations.test.ts checks that rule with the mark in place).
    const documents = table!.samples.generatorTests
      .filter((r) => r.dictionary === 'latin')
      .flatMap((r) => {
        const [surname = '', givenNames = ''] = r.expectedNameField.split('<<');
        return [[r.surname, surname] as const, [r.givenNames, givenNames] as const];
      });
    expect(viz.length + documents.length).toBeGreaterThan(6);
    for (const [name, mrz] of [...viz, ...documents]) {
      expect((await compare(name, mrz)).levenshtein, `${name} / ${mrz}`).toMatchObject({ exactMatch: true });
    }
  });

  it('flags the labelled name pairs as the matching module does, fuzzy finding most true matches', async () => {
    const fields = pairFields('fuzzy', 'levenshtein');
    await configure('name-pairs', fields);
    const counts = { fuzzy: { tp: 0, fp: 0, fn: 0 }, levenshtein: { tp: 0, fp: 0, fn: 0 } };
    const width = 4;
    const matchers = await Promise.all(Array.from({ length: width }, () => nameMatcher(server(), 'name-pairs')));
    await Promise.all(
      matchers.map(async (compare, lane) => {
        for (let i = lane; i < pairs.length; i += width) {
          const { name1, name2, isMatch } = pairs[i]!;
          const result = await compare(name1, name2);
          const values = { available: true as const, values: { firstName: name1, lastName: name2 } };
          expect(result, `${name1} / ${name2}`).toEqual(matchFields(fields, values, values));
          for (const algorithm of ['fuzzy', 'levenshtein'] as const) {
            const flagged = result[algorithm]!.partialMatch;
            const count = counts[algorithm];
            if (flagged && isMatch) count.tp++;
            else if (flagged) count.fp++;
            else if (isMatch) count.fn++;
          }
        }
      }),
    );
    const recall = (c: { tp: number; fn: number }) => c.tp / (c.tp + c.fn);
    const precision = (c: { tp: number; fp: number }) => c.tp / (c.tp + c.fp);
    // Measured on this set (bench/matching): fuzzy recall 0.88, levenshtein precision 0.95.
    expect(recall(counts.fuzzy)).toBeGreaterThan(0.85);
    expect(precision(counts.levenshtein)).toBeGreaterThan(0.9);
    // The word rule is what finds the matches a 90% similarity misses.
    expect(counts.fuzzy.tp).toBeGreaterThan(2 * counts.levenshtein.tp);
  });
});
