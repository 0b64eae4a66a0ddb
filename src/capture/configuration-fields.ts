import { isAlpha3Country } from '../core/countries.js';
import { isCssColor } from './css-colors.js';
import {
  captureDocumentTypes,
  devices,
  photoFlows,
  type CaptureDocumentType,
  type DocumentCountryFilter,
  type ScreenItem,
} from './configuration.js';
import { isPlainObject, list, oneOf, text, webUrl, type FieldParser } from './field-parsers.js';
import { toCaptureLanguage, type CaptureLanguage } from './languages.js';

/** Parsers for the fields that need more than a type check. */

export const color: FieldParser<string> = (value, path, problems) => {
  if (typeof value !== 'string' || !isCssColor(value.trim())) {
    return void problems.add(path, 'must be a colour: a hex code (#5AAFFF), rgb(...) or a CSS colour name');
  }
  return value.trim();
};

export const country: FieldParser<string> = (value, path, problems) => {
  const code = typeof value === 'string' ? value.trim().toUpperCase() : '';
  if (!isAlpha3Country(code)) return void problems.add(path, 'must be an ISO 3166 alpha-3 country code');
  return code;
};

export const language: FieldParser<CaptureLanguage> = (value, path, problems) => {
  const code = typeof value === 'string' ? toCaptureLanguage(value) : undefined;
  if (!code) return void problems.add(path, `is not a language the capture app has (${String(value)})`);
  return code;
};

export const deviceList = list(oneOf(devices));
export const photoFlowList = list(oneOf(photoFlows));
export const documentTypeList = list(oneOf(captureDocumentTypes));

/** Upstream takes a boolean or a list of flows; true means both flows. */
export const detectGlare: FieldParser<(typeof photoFlows)[number][]> = (value, path, problems) => {
  if (value === true || value === 'true') return [...photoFlows];
  if (value === false || value === 'false') return [];
  return photoFlowList(value, path, problems);
};

const maxFaviconBytes = 256 * 1024;
const faviconDataUri = /^data:image\/(jpeg|jpg|png|x-icon|vnd\.microsoft\.icon);base64,([A-Za-z0-9+/]+={0,2})$/;

/** A data URI of a JPEG, PNG or ICO image, or a link to one (fetched and served by this server). */
export const favicon: FieldParser<string> = (value, path, problems) => {
  if (typeof value === 'string' && value.startsWith('data:')) {
    const match = faviconDataUri.exec(value);
    if (!match) return void problems.add(path, 'must be a base64 data URI of a jpeg, png or ico image, or a link');
    if (Buffer.from(match[2] ?? '', 'base64').length > maxFaviconBytes) {
      return void problems.add(path, `must be at most ${maxFaviconBytes / 1024} KB`);
    }
    return value;
  }
  return webUrl(value, path, problems);
};

/** Countries per document type: `univ` for passports, or ISO alpha-3 codes (plus `UNIV` for passports). */
export const documentCountries: FieldParser<Partial<Record<CaptureDocumentType, DocumentCountryFilter>>> = (
  value,
  path,
  problems,
) => {
  if (!isPlainObject(value)) return void problems.add(path, 'must be an object keyed by document type');
  const result: Partial<Record<CaptureDocumentType, DocumentCountryFilter>> = {};
  for (const [key, filter] of Object.entries(value)) {
    const at = `${path}.${key}`;
    const type = captureDocumentTypes.find((t) => t === key);
    if (!type) {
      problems.add(at, `is not a document type (one of ${captureDocumentTypes.join(', ')})`);
      continue;
    }
    // An empty or missing filter means every country the provider supports, like leaving the key out.
    if (filter === null || filter === '' || (Array.isArray(filter) && filter.length === 0)) continue;
    if (filter === 'univ') {
      if (type !== 'passport') problems.add(at, '"univ" is only available for passports');
      else result[type] = 'univ';
      continue;
    }
    const codes = list<string>((item, itemPath, itemProblems) =>
      item === 'UNIV' ? 'UNIV' : country(item, itemPath, itemProblems),
    )(filter, at, problems);
    if (!codes) continue;
    if (codes.includes('UNIV') && type !== 'passport') problems.add(at, '"UNIV" is only available for passports');
    else result[type] = codes;
  }
  return result;
};

/** ISO alpha-3 codes, `all`, or null (no passport has a back to capture). */
export const twoSidedPassports: FieldParser<string[] | 'all' | null> = (value, path, problems) => {
  if (value === null || value === 'null') return null;
  if (typeof value === 'string' && value.trim().toLowerCase() === 'all') return 'all';
  return list(country)(value, path, problems);
};

const maxTranslationKeys = 500;
const maxTranslationLength = 2000;

/** Translation overrides per language. Keys are not checked: a key the app does not use has no effect. */
export const translations: FieldParser<Partial<Record<CaptureLanguage, Record<string, string>>>> = (
  value,
  path,
  problems,
) => {
  if (!isPlainObject(value)) return void problems.add(path, 'must be an object keyed by language');
  const result: Partial<Record<CaptureLanguage, Record<string, string>>> = {};
  for (const [code, strings] of Object.entries(value)) {
    const at = `${path}.${code}`;
    const lang = language(code, at, problems);
    if (!lang) continue;
    if (!isPlainObject(strings)) {
      problems.add(at, 'must be an object of texts by key');
      continue;
    }
    const entries = Object.entries(strings);
    if (entries.length > maxTranslationKeys) {
      problems.add(at, `must have at most ${maxTranslationKeys} keys`);
      continue;
    }
    const checked: Record<string, string> = { ...result[lang] };
    for (const [key, textValue] of entries) {
      if (typeof textValue !== 'string' || textValue.length > maxTranslationLength || key.length > 200) {
        problems.add(`${at}.${key}`, `must be a text of at most ${maxTranslationLength} characters`);
      } else checked[key] = textValue;
    }
    result[lang] = checked;
  }
  return result;
};

const itemText = text(500);

/**
 * Screen items are a list in the schema but `{}` in upstream's samples: accept a list, an object of
 * items keyed by position, one item given bare, or an empty object (no items).
 */
export const screenItems: FieldParser<ScreenItem[]> = (value, path, problems) => {
  let items: unknown[];
  if (Array.isArray(value)) items = value;
  else if (isPlainObject(value)) {
    const entries = Object.values(value);
    const isOneItem = ['image', 'icon', 'title', 'description'].some((key) => key in value);
    items = isOneItem ? [value] : entries;
  } else return void problems.add(path, 'must be a list of items');
  if (items.length > 20) return void problems.add(path, 'must have at most 20 items');
  const result: ScreenItem[] = [];
  items.forEach((item, index) => {
    const at = `${path}.${index}`;
    if (!isPlainObject(item)) return problems.add(at, 'must be an object {image?, icon?, title?, description?}');
    const parsed: ScreenItem = {};
    if (item.image !== undefined) {
      const image = webUrl(item.image, `${at}.image`, problems);
      if (image !== undefined) parsed.image = image;
    }
    for (const key of ['icon', 'title', 'description'] as const) {
      if (item[key] === undefined) continue;
      const value = itemText(item[key], `${at}.${key}`, problems);
      if (value !== undefined) parsed[key] = value;
    }
    result.push(parsed);
  });
  return result;
};

export const idTypes = list<number>((value, path, problems) => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    return void problems.add(path, 'must be a document id (a positive whole number)');
  }
  return value;
}, 1000);
