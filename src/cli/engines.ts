import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { createFaceEngine } from '../engines/face/index.js';
import { checkImage } from '../engines/image/index.js';
import { createMrzReader } from '../engines/ocr/index.js';
import { UsageError } from './usage.js';

/**
 * `mrz read`, `face compare` and `image check`: the engines on image files. Each engine loads once per
 * call. With --json, one JSON object per line, in input order; otherwise a readable line each.
 */
export async function engineCommand(area: string, args: string[]): Promise<void> {
  const [action, ...rest] = args;
  const key = `${area} ${action ?? ''}`;
  if (key === 'mrz read') return mrzRead(rest);
  if (key === 'face compare') return faceCompare(rest);
  if (key === 'image check') return imageCheck(rest);
  throw new UsageError(`Unknown command '${key.trim()}'.`);
}

const print = (json: boolean, value: Record<string, unknown>, text: () => string) =>
  console.log(json ? JSON.stringify(value) : text());

/**
 * Runs `work` for each input in order. A failing input is reported (as `{file, error}` with --json,
 * and on stderr) and the others still run; the exit code is then 1.
 */
async function eachInput<T>(
  inputs: readonly T[],
  json: boolean,
  name: (input: T) => string,
  work: (input: T) => Promise<void>,
): Promise<void> {
  for (const input of inputs) {
    try {
      await work(input);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (json) console.log(JSON.stringify({ file: name(input), error: message }));
      console.error(`openassure: ${name(input)}: ${message}`);
      process.exitCode = 1;
    }
  }
}

async function mrzRead(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, options: { json: { type: 'boolean' } }, allowPositionals: true });
  if (positionals.length === 0) throw new UsageError('mrz read needs at least one image file.');
  const json = values.json ?? false;
  const reader = await createMrzReader();
  try {
    await eachInput(
      positionals,
      json,
      (file) => file,
      async (file) => {
        const { format, lines, fields, valid, checks, confidence, ms } = await reader.read(await readFile(file));
        print(json, { file, format, lines, fields, valid, checks, confidence, ms }, () =>
          [
            `${file}: ${format} ${valid ? 'valid' : 'NOT valid'} (${Math.round(ms)} ms)`,
            ...lines.map((l) => `  ${l}`),
          ].join('\n'),
        );
      },
    );
  } finally {
    await reader.close();
  }
}

async function readPairs(file: string): Promise<[string, string][]> {
  return (await readFile(file, 'utf8'))
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [a, b] = line.split('\t');
      if (!a || !b) throw new UsageError(`Each line of ${file} must be two paths separated by a tab.`);
      return [a, b];
    });
}

async function faceCompare(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    options: { json: { type: 'boolean' }, pairs: { type: 'string' } },
    allowPositionals: true,
  });
  const json = values.json ?? false;
  let pairs: [string, string][];
  if (values.pairs !== undefined) pairs = await readPairs(values.pairs);
  else if (positionals.length === 2) pairs = [[positionals[0]!, positionals[1]!]];
  else throw new UsageError('face compare needs two image files, or --pairs FILE.');
  const engine = await createFaceEngine();
  try {
    await eachInput(
      pairs,
      json,
      ([a, b]) => `${a} ${b}`,
      async ([a, b]) => {
        const { similarity, similarityLevel, matchLevel, ms } = await engine.compare(
          await readFile(a),
          await readFile(b),
        );
        print(
          json,
          { a, b, similarity, similarityLevel, matchLevel, ms },
          () =>
            `${a} ~ ${b}: similarity ${similarity.toFixed(3)} (${similarityLevel}), matchLevel ${matchLevel} (${Math.round(ms)} ms)`,
        );
      },
    );
  } finally {
    await engine.close();
  }
}

async function imageCheck(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, options: { json: { type: 'boolean' } }, allowPositionals: true });
  if (positionals.length === 0) throw new UsageError('image check needs at least one image file.');
  const json = values.json ?? false;
  const faceEngine = await createFaceEngine();
  try {
    await eachInput(
      positionals,
      json,
      (file) => file,
      async (file) => {
        const started = performance.now();
        const checks = await checkImage(await readFile(file), { faceEngine });
        const ms = performance.now() - started;
        print(
          json,
          { file, ...checks, ms },
          () =>
            `${file}: ${Object.entries(checks)
              .map(([name, check]) => `${name} ${(check as { passed: boolean }).passed ? 'ok' : 'FAIL'}`)
              .join(', ')}`,
        );
      },
    );
  } finally {
    await faceEngine.close();
  }
}
