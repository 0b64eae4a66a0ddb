/**
 * Characters OCR engines confuse in the OCR-B font of an MRZ, each group a digit and the letters that
 * look like it (measured in the engine feasibility notes: 0/O/D/Q, 1/I/L, 2/Z, 5/S, 6/G, 8/B).
 */
const groups = ['0ODQ', '1IL', '2Z', '5S', '6G', '8B'] as const;

const groupOf = new Map<string, string>(groups.flatMap((group) => [...group].map((char) => [char, group])));

/** A position that only takes digits: the digit a letter stands for. */
export const digitFor = (char: string): string | undefined => {
  const group = groupOf.get(char);
  return group && /[A-Z]/.test(char) ? group.charAt(0) : undefined;
};

/** A position that only takes letters: the letter a digit stands for (the most frequent confusion). */
export const letterFor = (char: string): string | undefined => {
  const group = groupOf.get(char);
  return group && /[0-9]/.test(char) ? group.charAt(1) : undefined;
};

/** A position that takes both: every other member of the character's group. */
export const lookalikesOf = (char: string): string[] => [...(groupOf.get(char) ?? '')].filter((c) => c !== char);
