import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardFront, passportWithPrintedSurname } from '../../../test/support/tampered-documents.js';
import { parseMrz } from '../mrz/index.js';
import { createMrzReader } from '../ocr/index.js';
import type { MrzReader } from '../ocr/types.js';
import { generateDocument } from '../../../test/support/synthetic/generate.js';
import { createVizReader } from './index.js';
import type { VizReader } from './types.js';

// Synthetic documents print surname, given names, nationality, dates of birth and expiry and sex under
// captions beside the portrait, and the document number in the header; the MRZ holds the same values.
describe('reading the visual zone of synthetic documents', { timeout: 60_000 }, () => {
  let mrzReader: MrzReader;
  let vizReader: VizReader;
  beforeAll(async () => {
    [mrzReader, vizReader] = await Promise.all([createMrzReader(), createVizReader()]);
  });
  afterAll(async () => {
    await Promise.all([mrzReader.close(), vizReader.close()]);
  });

  const read = async (image: Buffer) => {
    const mrz = await mrzReader.read(image);
    return { mrz, viz: await vizReader.read(image, mrz) };
  };

  it('finds every printed field of a clean passport, matching the MRZ, with boxes in image pixels', async () => {
    const passport = await generateDocument({ seed: 5, quality: 'clean', format: 'TD3' });
    const truth = parseMrz(passport.lines).fields;
    const { viz } = await read(passport.image);
    expect(viz.missing).toEqual([]);
    expect(viz.fields.surname).toMatchObject({ value: truth.surname, matchesMrz: true, foundBy: 'mrz-hint' });
    expect(viz.fields.givenNames).toMatchObject({ value: truth.givenNames, matchesMrz: true });
    expect(viz.fields.documentNumber).toMatchObject({ value: truth.documentNumber, matchesMrz: true });
    expect(viz.fields.dateOfBirth).toMatchObject({ value: truth.dateOfBirth, date: 'valid', matchesMrz: true });
    expect(viz.fields.dateOfExpiry).toMatchObject({ value: truth.dateOfExpiry, date: 'valid', matchesMrz: true });
    expect(viz.fields.sex).toMatchObject({ value: truth.sex, matchesMrz: true });
    // The surname is printed in the upper half of the page, right of the portrait, above the MRZ.
    const box = viz.fields.surname!.box;
    expect(box.x).toBeGreaterThan(passport.width * 0.3);
    expect(box.y + box.height).toBeLessThan(passport.mrzBox.y);
    expect(box.corners[0]).toEqual({ x: box.x, y: box.y });
    for (const field of Object.values(viz.fields)) expect(field.confidence).toBeGreaterThan(0.5);
  });

  it('reads a passport held upside down and a TD2 card from a scan', async () => {
    // The MRZ as read upright, its box moved to where the turned image has it, its angle either way.
    const passport = await generateDocument({ seed: 4, quality: 'clean', format: 'TD3' });
    const turned = await sharp(passport.image).rotate(180).png().toBuffer();
    const { mrz } = await read(passport.image);
    const box = mrz.box!;
    const moved = { ...box, x: passport.width - box.x - box.width, y: passport.height - box.y - box.height };
    for (const angle of [180, 0]) {
      const upsideDown = await vizReader.read(turned, { ...mrz, box: { ...moved, angle } });
      expect(upsideDown.fields.givenNames?.matchesMrz).toBe(true);
      expect(upsideDown.fields.dateOfBirth?.matchesMrz).toBe(true);
    }

    const card = await generateDocument({ seed: 3, quality: 'scan', format: 'TD2' });
    const truth = parseMrz(card.lines).fields;
    const { viz } = await read(card.image);
    expect(viz.fields.surname).toMatchObject({ value: truth.surname, matchesMrz: true });
    expect(viz.fields.dateOfBirth).toMatchObject({ value: truth.dateOfBirth, matchesMrz: true });
  });

  it("reads a TD1 card's printed fields on its front, from the MRZ read on its back", async () => {
    const back = await generateDocument({ seed: 28, quality: 'clean', format: 'TD1' });
    const truth = parseMrz(back.lines).fields;
    const front = await cardFront(back, truth);
    const mrz = await mrzReader.read(back.image);
    const viz = await vizReader.read(front, mrz, { mrzOnImage: false });
    expect(viz.fields.surname).toMatchObject({ value: truth.surname, matchesMrz: true });
    expect(viz.fields.givenNames).toMatchObject({ value: truth.givenNames, matchesMrz: true });
    expect(viz.fields.documentNumber).toMatchObject({ value: truth.documentNumber, matchesMrz: true });
    expect(viz.fields.dateOfBirth).toMatchObject({ value: truth.dateOfBirth, matchesMrz: true });
    expect(viz.fields.dateOfExpiry).toMatchObject({ value: truth.dateOfExpiry, matchesMrz: true });
  });

  it('reports a printed surname that is not the MRZ one, found under its caption', async () => {
    const forged = await passportWithPrintedSurname(3, 'KOWALSKA', new Date(Date.UTC(2026, 0, 1)));
    const { mrz, viz } = await read(forged.image);
    expect(mrz.fields?.surname).not.toBe('KOWALSKA');
    expect(viz.fields.surname).toMatchObject({ value: 'KOWALSKA', foundBy: 'label', matchesMrz: false });
    expect(viz.fields.givenNames?.matchesMrz).toBe(true);
  });

  it('invents nothing: without an MRZ reading, or on a blank page, no field is found', async () => {
    const blank = await sharp({ create: { width: 1500, height: 1060, channels: 3, background: '#e4e8ee' } })
      .png()
      .toBuffer();
    const nothing = await read(blank);
    expect(nothing.viz).toMatchObject({ fields: {}, problems: ['no MRZ reading to look for'] });

    const passport = await generateDocument({ seed: 5, quality: 'clean', format: 'TD3' });
    const { mrz } = await read(passport.image);
    const elsewhere = await vizReader.read(blank, { ...mrz, box: { ...mrz.box!, x: 10, y: 900 } });
    expect(elsewhere.fields).toEqual({});
  });
});
