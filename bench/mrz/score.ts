import type { MrzReading } from '../../src/engines/ocr/index.js';

/** One document read: what was printed and what the reader said. */
export interface Outcome {
  expected: string[];
  reading: MrzReading;
  /** Milliseconds the read took (the reader's own figure). */
  ms: number;
  /** CPU milliseconds the process spent on the read, all threads: the time it takes on one free core. */
  cpuMs?: number;
}

export interface Score {
  documents: number;
  /** Every line exactly as printed. */
  fullyCorrect: number;
  /** Fully correct and reported valid. */
  correctAndValid: number;
  valid: number;
  /** Reported valid but some line differs from the print: the failure that must not happen. */
  wrongButValid: number;
  linesExact: number;
  lines: number;
  charactersRight: number;
  characters: number;
  times: number[];
  cpuTimes: number[];
}

/** Edit distance (insertions, deletions, substitutions). */
export function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

export function score(outcomes: readonly Outcome[]): Score {
  const result: Score = {
    documents: outcomes.length,
    fullyCorrect: 0,
    correctAndValid: 0,
    valid: 0,
    wrongButValid: 0,
    linesExact: 0,
    lines: 0,
    charactersRight: 0,
    characters: 0,
    times: [],
    cpuTimes: [],
  };
  for (const { expected, reading, ms, cpuMs } of outcomes) {
    const exact = expected.length === reading.lines.length && expected.every((line, i) => reading.lines[i] === line);
    if (exact) result.fullyCorrect++;
    if (exact && reading.valid) result.correctAndValid++;
    if (reading.valid) result.valid++;
    if (reading.valid && !exact) result.wrongButValid++;
    expected.forEach((line, i) => {
      result.lines++;
      if (reading.lines[i] === line) result.linesExact++;
      // Characters: per line, so that a missing line costs its whole length.
      const got = reading.lines[i] ?? '';
      result.characters += line.length;
      result.charactersRight += Math.max(0, line.length - levenshtein(got, line));
    });
    result.times.push(ms);
    if (cpuMs !== undefined) result.cpuTimes.push(cpuMs);
  }
  return result;
}
