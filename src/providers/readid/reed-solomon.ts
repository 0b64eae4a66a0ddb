/**
 * Reed-Solomon error correction over GF(2^8) with the QR code polynomial x^8 + x^4 + x^3 + x^2 + 1
 * (ISO/IEC 18004, 7.5.2).
 */

/** The product of two field elements. */
function multiply(x: number, y: number): number {
  let product = 0;
  for (let bit = 7; bit >= 0; bit--) {
    product = (product << 1) ^ ((product >>> 7) * 0x11d);
    product ^= ((y >>> bit) & 1) * x;
  }
  return product;
}

/** The generator polynomial of the given degree, highest coefficient (always 1) left out. */
function generator(degree: number): number[] {
  const result = new Array<number>(degree).fill(0);
  result[degree - 1] = 1;
  let root = 1;
  for (let i = 0; i < degree; i++) {
    for (let j = 0; j < degree; j++) {
      result[j] = multiply(result[j]!, root) ^ (j + 1 < degree ? result[j + 1]! : 0);
    }
    root = multiply(root, 0x02);
  }
  return result;
}

/** The error correction codewords of a block of data codewords. */
export function errorCorrection(data: readonly number[], degree: number): number[] {
  const divisor = generator(degree);
  const remainder = new Array<number>(degree).fill(0);
  for (const byte of data) {
    const factor = byte ^ remainder.shift()!;
    remainder.push(0);
    divisor.forEach((coefficient, i) => (remainder[i] = remainder[i]! ^ multiply(coefficient, factor)));
  }
  return remainder;
}
