import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { providers } from './registry.js';

/**
 * A provider's rules live in its folder: code outside src/providers/ reads a definition's fields and
 * never names a provider. This scans the production sources (tests are data, not rules) for provider
 * names in string and template literals: a literal that is a provider value (`'onfido'`, `'paper'`,
 * `'connect:x'`), or that mentions a provider's name or title as a word (`'An Onfido process ...'`).
 * Names that are ordinary words (connect, paper) only count as whole literals or as a `name:` prefix,
 * so `/auth/open/connect/token` or a message about a connection is not a provider name.
 */
const srcDir = fileURLToPath(new URL('..', import.meta.url));
const providersDir = fileURLToPath(new URL('.', import.meta.url));

const values = providers.flatMap((p) => [p.name, ...(p.aliases ?? [])]);
const ordinaryWords = new Set(['connect', 'paper']);
const distinctive = [...values, ...providers.map((p) => p.title)].filter(
  (word) => !ordinaryWords.has(word.toLowerCase()),
);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wholeValue = new RegExp(`^(${values.map(escape).join('|')})(:.*)?$`, 'i');
const mention = new RegExp(`\\b(${distinctive.map(escape).join('|')})\\b`, 'i');

/** Whether a literal's text names a provider. */
const namesProvider = (text: string): boolean => wholeValue.test(text.trim()) || mention.test(text);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return file === path.resolve(providersDir) ? [] : sourceFiles(file);
    return /\.(ts|mts)$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [file] : [];
  });
}

/** The texts of a file's string and template literals, with their line numbers. */
function literals(file: string): { line: number; text: string }[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: { line: number; text: string }[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    ) {
      // Module specifiers name files, not providers.
      if (!ts.isImportDeclaration(node.parent) && !ts.isExportDeclaration(node.parent)) {
        found.push({ line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: node.text });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('provider names', () => {
  it('recognises provider values and mentions, not ordinary words', () => {
    expect(namesProvider('onfido')).toBe(true);
    expect(namesProvider('paper')).toBe(true);
    expect(namesProvider('connect:bankid')).toBe(true);
    expect(namesProvider('The dossier has an Onfido process')).toBe(true);
    expect(namesProvider('only for readid processes')).toBe(true);
    expect(namesProvider('/auth/open/connect/token')).toBe(false);
    expect(namesProvider('could not connect')).toBe(false);
    expect(namesProvider('facetecEnrollment')).toBe(false);
  });

  it('appear nowhere in src/ outside src/providers/', () => {
    const offenders = sourceFiles(srcDir).flatMap((file) =>
      literals(file)
        .filter((literal) => namesProvider(literal.text))
        .map((literal) => `${path.relative(srcDir, file)}:${literal.line} ${JSON.stringify(literal.text)}`),
    );
    expect(offenders).toEqual([]);
  });
});
