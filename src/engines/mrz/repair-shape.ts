const shapesByLineCount: Readonly<Record<number, readonly (readonly number[])[]>> = {
  1: [[30]],
  2: [
    [44, 44],
    [36, 36],
  ],
  3: [
    [30, 30, 30],
    [9, 30, 30],
  ],
};

function fits(lines: readonly string[], shape: readonly number[]): boolean {
  const exact = lines.some((line, i) => line.length === shape[i]);
  // A line may only lose characters that follow its filler run: those cannot belong to the last field.
  const trimmable = lines.every((line, i) => {
    const length = shape[i]!;
    return line.length === length || (line.length > length && line.charAt(length - 1) === '<');
  });
  return exact && trimmable;
}

/**
 * Cuts text an OCR engine read past the end of a line ("...<<<<<<EXTRA"), when another line gives the
 * length and the cut line ends in fillers at that length. Never pads: a short line stays short.
 */
export function trimOverlongLines(lines: readonly string[]): { lines: string[]; removed: number } {
  const shapes = (shapesByLineCount[lines.length] ?? []).filter((shape) => fits(lines, shape));
  if (shapes.length !== 1) return { lines: [...lines], removed: 0 };
  const shape = shapes[0]!;
  const trimmed = lines.map((line, i) => line.slice(0, shape[i]));
  const removed = lines.reduce((sum, line, i) => sum + line.length - trimmed[i]!.length, 0);
  return { lines: trimmed, removed };
}
