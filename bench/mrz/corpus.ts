import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shared corpus of real specimen images (read in place, never copied into the project). */
export const corpusDir = path.resolve(fileURLToPath(new URL('../../../shared/corpus/', import.meta.url)));
const indexFile = path.join(corpusDir, 'images/mrz/images_mrz.json');

export interface Specimen {
  file: string;
  path: string;
  document: string;
  lines: string[];
  /** `repo-literal` or the fixture collector's visual transcription. */
  provenance: string;
  /** What the fixture says about checking the text against the image, when it says anything. */
  note?: string;
}

interface IndexEntry {
  file: string;
  document?: string;
  expectedMrz?: { lines?: string[]; provenance?: string; visualCheck?: string; note?: string };
}

/** Corpus images whose MRZ is known, or undefined (with the reason) when the corpus is not there. */
export function loadSpecimens(): { specimens: Specimen[] } | { missing: string } {
  if (!existsSync(indexFile)) return { missing: `no corpus index at ${indexFile}` };
  const index = JSON.parse(readFileSync(indexFile, 'utf8')) as { images: IndexEntry[] };
  const specimens: Specimen[] = [];
  for (const entry of index.images) {
    const lines = entry.expectedMrz?.lines;
    if (!lines || lines.length === 0) continue;
    const file = path.join(corpusDir, entry.file);
    if (!existsSync(file)) continue;
    specimens.push({
      file: entry.file,
      path: file,
      document: entry.document ?? '',
      lines,
      provenance: entry.expectedMrz?.provenance ?? '',
      note: entry.expectedMrz?.visualCheck ?? entry.expectedMrz?.note,
    });
  }
  return { specimens };
}
