/**
 * Codes written with `{Placeholder}`s, such as `Missing{ParameterName}`: the
 * code tables' pattern rows (src/engine/codes.ts) and the guides' conditions
 * on a code (src/engine/conditions.ts) match them the same way, here.
 */

/**
 * The literal parts of a `{Placeholder}` code: `Invalid{ParameterName}.NotFound`
 * → `['Invalid', '.NotFound']`; undefined for a code without placeholders.
 */
export function partsOf(code: string): string[] | undefined {
  if (!code.includes('{')) return undefined;
  const parts: string[] = [];
  let at = 0;
  for (let open = code.indexOf('{'); open !== -1; open = code.indexOf('{', at)) {
    const close = code.indexOf('}', open);
    if (close === -1) break;
    parts.push(code.slice(at, open));
    at = close + 1;
  }
  parts.push(code.slice(at));
  return parts.length > 1 ? parts : undefined;
}

const NAME_CHAR = /^[A-Za-z0-9_-]$/;

/**
 * Whether `code` fits the parts of a placeholder code, each placeholder
 * standing for one name of letters, digits, `_` or `-` (at least one). Matched
 * by hand, shortest name first, as the lazy pattern it replaces did.
 */
export function fitsParts(parts: string[], code: string): boolean {
  if (!code.startsWith(parts[0]!)) return false;
  const fit = (part: number, at: number): boolean => {
    if (part === parts.length) return at === code.length;
    const literal = parts[part]!;
    // One name, then the literal: try each place the literal occurs after at least one name character.
    for (let end = at + 1; end <= code.length && NAME_CHAR.test(code[end - 1]!); end++) {
      if (code.startsWith(literal, end) && fit(part + 1, end + literal.length)) return true;
    }
    return false;
  };
  return fit(1, parts[0]!.length);
}
