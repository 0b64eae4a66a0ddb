import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusFile, sharedMaterial } from '../../test/support/shared-material.js';
import { normalize } from './normalizations.js';
import { toLatin } from './to-latin.js';

describe('normalize', () => {
  it('none: the value as it is', () => {
    expect(normalize(' Jürgen  Groß ', 'none')).toBe(' Jürgen  Groß ');
  });

  it('upper: every letter upper case, nothing else', () => {
    expect(normalize('Jürgen Groß-Müller', 'upper')).toBe('JÜRGEN GROSS-MÜLLER');
  });

  it('clean: Latin script by the ICAO tables and ICAO punctuation, each letter keeping its case', () => {
    expect(normalize('Jürgen Groß-Müller', 'clean')).toBe('Juergen Gross Mueller');
    expect(normalize('McClane', 'clean')).toBe('McClane');
    expect(normalize("D'Artagnan", 'clean')).toBe('DArtagnan');
    expect(normalize('ERIKSSON, ANNA MARIA', 'clean')).toBe('ERIKSSON ANNA MARIA');
    expect(normalize('SANTOS<MENDES<<MARIA', 'clean')).toBe('SANTOS MENDES MARIA');
    expect(normalize('  Peña   Nieto. ', 'clean')).toBe('Pena Nieto');
    expect(normalize('Иванова', 'clean')).toBe('Ivanova');
    expect(normalize('عبّاس', 'clean')).toBe('EBBAS');
  });

  it('cleanUpper: clean, then upper case', () => {
    expect(normalize('Jürgen Groß-Müller', 'cleanUpper')).toBe('JUERGEN GROSS MUELLER');
    expect(normalize('Ørsted', 'cleanUpper')).toBe('OERSTED');
  });

  it('initialsUpper: the first letters of the first two words', () => {
    expect(normalize('Maria Paula Santos', 'initialsUpper')).toBe('MP');
    expect(normalize('élodie', 'initialsUpper')).toBe('E');
    expect(normalize('Жанна-Мария', 'initialsUpper')).toBe('ZM');
    expect(normalize('  ', 'initialsUpper')).toBe('');
  });

  it('numeric: the digits 0-9 only', () => {
    expect(normalize('+351 939-393-953', 'numeric')).toBe('351939393953');
    expect(normalize('AB12 34C', 'numeric')).toBe('1234');
    expect(normalize('Maria', 'numeric')).toBe('');
  });

  it('numeric: a value that is one calendar date becomes YYYYMMDD, whatever order it was written in', () => {
    expect(normalize('1988-08-18', 'numeric')).toBe('19880818');
    expect(normalize('18.08.1988', 'numeric')).toBe('19880818');
    expect(normalize('18/08/1988', 'numeric')).toBe('19880818');
    // Not one real date: only the digits are kept, in their order.
    expect(normalize('31.04.1990', 'numeric')).toBe('31041990');
  });

  it('leaves dates alone with the other normalizations, as upstream defines them', () => {
    expect(normalize('18.08.1988', 'none')).toBe('18.08.1988');
    expect(normalize('1988-08-18', 'upper')).toBe('1988-08-18');
    expect(normalize('1988-08-18', 'cleanUpper')).toBe('1988 08 18');
    expect(normalize('18.08.1988', 'initialsUpper')).toBe('1');
  });
});

interface Table {
  latin: { char: string; recommended: string }[];
  cyrillic: { char: string; default: string }[];
  arabic: { char: string; name: string; mrz: string }[];
  samples: {
    generatorTests: { surname: string; givenNames: string; expectedNameField: string; dictionary: string }[];
    russianIuliia: { cyrillic: string; latin: string }[];
  };
}

const tableFile = corpusFile('transliteration/icao9303_part3_transliteration.json');
const available = sharedMaterial('the ICAO transliteration corpus', tableFile);
const table = available ? (JSON.parse(readFileSync(tableFile, 'utf8')) as Table) : undefined;
const rows = <T>(pick: (t: Table) => T[]): T[] => (table ? pick(table) : []);
const isLower = (char: string) => char === char.toLowerCase() && char !== char.toUpperCase();

describe.skipIf(!available)('clean and cleanUpper on the ICAO 9303 Part 3 tables of the corpus', () => {
  it.each(rows((t) => t.latin).map((r) => [r.char, r.recommended] as const))('Latin %s → %s', (char, latin) => {
    expect(normalize(char, 'cleanUpper')).toBe(latin);
    expect(normalize(char.toLowerCase(), 'cleanUpper')).toBe(latin);
    // clean keeps the case of the letter it converts.
    expect(normalize(char, 'clean')).toBe(isLower(char) ? latin.toLowerCase() : latin);
    expect(normalize(`x${char.toLowerCase()}`, 'clean')).toBe(`x${latin.toLowerCase()}`);
  });

  it.each(rows((t) => t.cyrillic).map((r) => [r.char, r.default] as const))('Cyrillic %s → %s', (char, latin) => {
    expect(normalize(char, 'cleanUpper')).toBe(latin);
    expect(normalize(char.toLowerCase(), 'clean')).toBe(latin.toLowerCase());
  });

  it.each(rows((t) => t.arabic.filter((r) => /^[A-Z]+$/.test(r.mrz))).map((r) => [r.name, r.char, r.mrz] as const))(
    'Arabic %s → %s',
    (_name, char, latin) => {
      expect(normalize(char, 'cleanUpper')).toBe(latin);
      expect(normalize(char, 'clean')).toBe(latin);
    },
  );

  it.each(rows((t) => t.samples.russianIuliia).map((r) => [r.cyrillic, r.latin] as const))(
    'Russian sample, case kept: %s',
    (cyrillic, latin) => {
      expect(toLatin(cyrillic)).toBe(latin);
    },
  );

  it.each(
    rows((t) => t.samples.generatorTests.filter((r) => r.dictionary === 'latin')).map(
      (r) => [r.expectedNameField, r] as const,
    ),
  )('the MRZ name %s matches its document name exactly after cleanUpper', (mrzName, r) => {
    const [surname = '', givenNames = ''] = mrzName.split('<<');
    expect(normalize(r.surname, 'cleanUpper')).toBe(normalize(surname, 'cleanUpper'));
    expect(normalize(r.givenNames, 'cleanUpper')).toBe(normalize(givenNames, 'cleanUpper'));
  });
});

describe('toLatin on printable ASCII', () => {
  it('keeps every printable ASCII character as it is, also beside letters the tables convert', () => {
    for (let code = 0x20; code < 0x7f; code++) {
      const char = String.fromCharCode(code);
      expect(toLatin(`a${char}B`)).toBe(`a${char}B`);
      // The non-ASCII letters take the table walk, which must agree with the ASCII shortcut.
      expect(toLatin(`é${char}É`)).toBe(`e${char}E`);
    }
  });
});
