import { blackAndWhitePng } from './png.js';
import { errorCorrection } from './reed-solomon.js';

/**
 * A QR code (Model 2, ISO/IEC 18004) of a text, in byte mode at error correction level M, for the
 * ReadID Ready link a desktop user scans with their phone. The project has no QR dependency; the
 * layout follows the standard's sections, named where they apply.
 */

/** Level M error correction codewords per block, and number of blocks, by version (Table 9). */
const eccPerBlock = [
  -1, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28,
  28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
];
const blockCount = [
  -1, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33,
  35, 37, 38, 40, 43, 45, 47, 49,
];
/** Format information bits for level M (7.9.1). */
const levelBits = 0b00;

/** Modules left for codewords once the function patterns are drawn. */
function rawDataModules(version: number): number {
  let modules = (16 * version + 128) * version + 64;
  if (version >= 2) {
    const alignments = Math.floor(version / 7) + 2;
    modules -= (25 * alignments - 10) * alignments - 55;
    if (version >= 7) modules -= 36;
  }
  return modules;
}

const dataCodewordCount = (version: number) =>
  Math.floor(rawDataModules(version) / 8) - eccPerBlock[version]! * blockCount[version]!;

const countBits = (version: number) => (version < 10 ? 8 : 16);

function smallestVersion(byteLength: number): number {
  for (let version = 1; version <= 40; version++) {
    if (4 + countBits(version) + 8 * byteLength <= dataCodewordCount(version) * 8) return version;
  }
  throw new RangeError(`${byteLength} bytes do not fit in a QR code at level M.`);
}

/** Mode indicator, character count, data, terminator and pad codewords (7.4). */
function dataCodewords(bytes: Uint8Array, version: number): number[] {
  const bits: number[] = [];
  const append = (value: number, length: number) => {
    for (let i = length - 1; i >= 0; i--) bits.push((value >>> i) & 1);
  };
  append(0b0100, 4);
  append(bytes.length, countBits(version));
  for (const byte of bytes) append(byte, 8);
  const capacity = dataCodewordCount(version) * 8;
  append(0, Math.min(4, capacity - bits.length));
  append(0, (8 - (bits.length % 8)) % 8);
  const codewords: number[] = [];
  for (let i = 0; i < bits.length; i += 8)
    codewords.push(bits.slice(i, i + 8).reduce((byte, bit) => (byte << 1) | bit));
  for (let pad = 0xec; codewords.length < capacity / 8; pad ^= 0xec ^ 0x11) codewords.push(pad);
  return codewords;
}

/** Splits the data into blocks, adds each block's error correction, and interleaves them (7.6). */
function finalCodewords(data: readonly number[], version: number): number[] {
  const blocks = blockCount[version]!;
  const eccLength = eccPerBlock[version]!;
  const total = Math.floor(rawDataModules(version) / 8);
  const shortBlocks = blocks - (total % blocks);
  const shortDataLength = Math.floor(total / blocks) - eccLength;
  const dataBlocks: number[][] = [];
  for (let i = 0, offset = 0; i < blocks; i++) {
    const length = shortDataLength + (i < shortBlocks ? 0 : 1);
    dataBlocks.push(data.slice(offset, offset + length));
    offset += length;
  }
  const eccBlocks = dataBlocks.map((block) => errorCorrection(block, eccLength));
  const result: number[] = [];
  for (let i = 0; i <= shortDataLength; i++)
    for (const block of dataBlocks) if (i < block.length) result.push(block[i]!);
  for (let i = 0; i < eccLength; i++) for (const block of eccBlocks) result.push(block[i]!);
  return result;
}

/** Format information: level, mask and BCH(15,5) check bits, XORed with the fixed mask (7.9.1). */
export function formatBits(mask: number): number {
  const data = (levelBits << 3) | mask;
  let remainder = data;
  for (let i = 0; i < 10; i++) remainder = (remainder << 1) ^ ((remainder >>> 9) * 0x537);
  return ((data << 10) | remainder) ^ 0x5412;
}

/** Version information for versions 7 and up: version and BCH(18,6) check bits (7.10). */
function versionBits(version: number): number {
  let remainder = version;
  for (let i = 0; i < 12; i++) remainder = (remainder << 1) ^ ((remainder >>> 11) * 0x1f25);
  return (version << 12) | remainder;
}

const masks: readonly ((x: number, y: number) => boolean)[] = [
  (x, y) => (x + y) % 2 === 0,
  (_x, y) => y % 2 === 0,
  (x) => x % 3 === 0,
  (x, y) => (x + y) % 3 === 0,
  (x, y) => (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0,
  (x, y) => ((x * y) % 2) + ((x * y) % 3) === 0,
  (x, y) => (((x * y) % 2) + ((x * y) % 3)) % 2 === 0,
  (x, y) => (((x + y) % 2) + ((x * y) % 3)) % 2 === 0,
];

/** Runs that look like part of a finder pattern, which confuse decoders: dark-light-dark×3-light-dark beside 4 light. */
const finderLike = [
  [true, false, true, true, true, false, true, false, false, false, false],
  [false, false, false, false, true, false, true, true, true, false, true],
] as const;

/** The module grid; `reserved` marks function patterns, which hold no data and are never masked. */
export class QrSymbol {
  readonly size: number;
  readonly dark: boolean[][];
  readonly reserved: boolean[][];

  constructor(readonly version: number) {
    this.size = version * 4 + 17;
    this.dark = Array.from({ length: this.size }, () => new Array<boolean>(this.size).fill(false));
    this.reserved = Array.from({ length: this.size }, () => new Array<boolean>(this.size).fill(false));
    this.drawFunctionPatterns();
  }

  private set(x: number, y: number, dark: boolean): void {
    this.dark[y]![x] = dark;
    this.reserved[y]![x] = true;
  }

  /** Centres of the alignment patterns on each axis (Annex E). */
  alignmentPositions(): number[] {
    if (this.version === 1) return [];
    const count = Math.floor(this.version / 7) + 2;
    const step = this.version === 32 ? 26 : Math.ceil((this.version * 4 + 4) / (count * 2 - 2)) * 2;
    const positions = [6];
    for (let position = this.size - 7; positions.length < count; position -= step) positions.splice(1, 0, position);
    return positions;
  }

  private drawFunctionPatterns(): void {
    for (let i = 0; i < this.size; i++) {
      this.set(6, i, i % 2 === 0);
      this.set(i, 6, i % 2 === 0);
    }
    for (const [x, y] of [
      [3, 3],
      [this.size - 4, 3],
      [3, this.size - 4],
    ] as const) {
      // Finder pattern and its light separator (7.3.2, 7.3.3).
      for (let dy = -4; dy <= 4; dy++) {
        for (let dx = -4; dx <= 4; dx++) {
          const distance = Math.max(Math.abs(dx), Math.abs(dy));
          const [xx, yy] = [x + dx, y + dy];
          if (xx >= 0 && xx < this.size && yy >= 0 && yy < this.size)
            this.set(xx, yy, distance !== 2 && distance !== 4);
        }
      }
    }
    const positions = this.alignmentPositions();
    const last = positions.length - 1;
    positions.forEach((cx, i) =>
      positions.forEach((cy, j) => {
        if ((i === 0 && j === 0) || (i === 0 && j === last) || (i === last && j === 0)) return; // under a finder
        for (let dy = -2; dy <= 2; dy++) {
          for (let dx = -2; dx <= 2; dx++) this.set(cx + dx, cy + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
        }
      }),
    );
    this.drawFormat(0);
    if (this.version >= 7) {
      const bits = versionBits(this.version);
      for (let i = 0; i < 18; i++) {
        const dark = ((bits >>> i) & 1) !== 0;
        const [a, b] = [this.size - 11 + (i % 3), Math.floor(i / 3)];
        this.set(a, b, dark);
        this.set(b, a, dark);
      }
    }
  }

  /** Both copies of the format information, and the dark module (7.9.1). */
  drawFormat(mask: number): void {
    const bits = formatBits(mask);
    const bit = (i: number) => ((bits >>> i) & 1) !== 0;
    for (let i = 0; i <= 5; i++) this.set(8, i, bit(i));
    this.set(8, 7, bit(6));
    this.set(8, 8, bit(7));
    this.set(7, 8, bit(8));
    for (let i = 9; i < 15; i++) this.set(14 - i, 8, bit(i));
    for (let i = 0; i < 8; i++) this.set(this.size - 1 - i, 8, bit(i));
    for (let i = 8; i < 15; i++) this.set(8, this.size - 15 + i, bit(i));
    this.set(8, this.size - 8, true);
  }

  /** Places codewords in two-module columns, right to left, zigzagging up and down (7.7.3). */
  drawCodewords(codewords: readonly number[]): void {
    let i = 0;
    for (let right = this.size - 1; right >= 1; right -= 2) {
      if (right === 6) right = 5; // the vertical timing pattern
      const upward = ((right + 1) & 2) === 0;
      for (let step = 0; step < this.size; step++) {
        const y = upward ? this.size - 1 - step : step;
        for (const x of [right, right - 1]) {
          if (this.reserved[y]![x] || i >= codewords.length * 8) continue;
          this.dark[y]![x] = ((codewords[i >>> 3]! >>> (7 - (i & 7))) & 1) !== 0;
          i++;
        }
      }
    }
  }

  /** XORs a mask pattern over the data modules; applying it twice undoes it. */
  applyMask(mask: number): void {
    const pattern = masks[mask]!;
    for (let y = 0; y < this.size; y++) {
      for (let x = 0; x < this.size; x++)
        if (!this.reserved[y]![x] && pattern(x, y)) this.dark[y]![x] = !this.dark[y]![x];
    }
  }

  /** The penalty score a decoder-friendly mask keeps low (7.8.3). */
  penalty(): number {
    const { size, dark } = this;
    let score = 0;
    for (const horizontal of [true, false]) {
      const at = horizontal
        ? (line: number, i: number) => dark[line]![i]!
        : (line: number, i: number) => dark[i]![line]!;
      for (let line = 0; line < size; line++) {
        let run = 1;
        for (let i = 1; i <= size; i++) {
          if (i < size && at(line, i) === at(line, i - 1)) {
            run++;
            continue;
          }
          if (run >= 5) score += 3 + (run - 5);
          run = 1;
        }
        for (let i = 0; i + finderLike[0].length <= size; i++) {
          for (const pattern of finderLike) {
            let j = 0;
            while (j < pattern.length && at(line, i + j) === pattern[j]) j++;
            if (j === pattern.length) score += 40;
          }
        }
      }
    }
    let darkCount = 0;
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const colour = dark[y]![x];
        if (colour) darkCount++;
        if (x < size - 1 && y < size - 1) {
          if (colour === dark[y]![x + 1] && colour === dark[y + 1]![x] && colour === dark[y + 1]![x + 1]) score += 3;
        }
      }
    }
    const total = size * size;
    return score + (Math.ceil(Math.abs(darkCount * 20 - total * 10) / total) - 1) * 10;
  }
}

/** The QR code of a text, with the mask the standard's penalty prefers. */
export function qrCode(text: string): QrSymbol {
  const bytes = new TextEncoder().encode(text);
  const version = smallestVersion(bytes.length);
  const symbol = new QrSymbol(version);
  symbol.drawCodewords(finalCodewords(dataCodewords(bytes, version), version));
  let best = { mask: 0, penalty: Infinity };
  for (let mask = 0; mask < masks.length; mask++) {
    symbol.applyMask(mask);
    symbol.drawFormat(mask);
    const penalty = symbol.penalty();
    if (penalty < best.penalty) best = { mask, penalty };
    symbol.applyMask(mask);
  }
  symbol.applyMask(best.mask);
  symbol.drawFormat(best.mask);
  return symbol;
}

/** A PNG of the QR code of a text, with the 4-module quiet zone the standard asks for. */
export function qrCodePng(text: string, moduleSize = 8): Buffer {
  const symbol = qrCode(text);
  const quietZone = 4;
  const light = () => new Array<boolean>(quietZone).fill(false);
  const margin = Array.from({ length: quietZone }, () => new Array<boolean>(symbol.size + 2 * quietZone).fill(false));
  const rows = symbol.dark.map((row) => [...light(), ...row, ...light()]);
  return blackAndWhitePng([...margin, ...rows, ...margin], moduleSize);
}
