/** Ends an exhaustive `switch` over a union: a case left out becomes a compile error at the call. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
