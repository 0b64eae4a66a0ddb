/** Deepest nesting of objects and arrays a JSON body may have; the top-level value is level 1. */
export const maxJsonDepth = 32;

/**
 * Whether a parsed JSON value nests objects or arrays deeper than `limit`. Walks with an explicit
 * stack rather than recursion: the point is to refuse values so deep that recursive code (our own,
 * JSON.stringify, a validator) would overflow the call stack.
 */
export function nestedDeeperThan(value: unknown, limit: number): boolean {
  const pending: [unknown, number][] = [[value, 1]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [current, depth] = next;
    if (typeof current !== 'object' || current === null) continue;
    if (depth > limit) return true;
    for (const child of Array.isArray(current) ? current : Object.values(current)) {
      if (typeof child === 'object' && child !== null) pending.push([child, depth + 1]);
    }
  }
  return false;
}
