/** Edits (insert, delete, replace, or swap two neighbours) turning `a` into `b`, case ignored. */
function distance(a: string, b: string): number {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  const width = y.length + 1;
  const d = new Uint16Array((x.length + 1) * width);
  const at = (i: number, j: number) => d[i * width + j] as number;
  for (let i = 0; i <= x.length; i += 1) d[i * width] = i;
  for (let j = 0; j <= y.length; j += 1) d[j] = j;
  for (let i = 1; i <= x.length; i += 1) {
    for (let j = 1; j <= y.length; j += 1) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator: x[-1] and y[-1] are undefined and match no letter, so the swap test below fails there anyway
      const pairBehind = i > 1 && j > 1;
      if (pairBehind && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      d[i * width + j] = best;
    }
  }
  return at(x.length, y.length);
}

/** The known name closest to a misspelt one (`mdoe` → `mode`), if one is close enough. */
export function closestName(given: string, known: readonly string[]): string | undefined {
  let best: { name: string; edits: number } | undefined;
  for (const name of known) {
    const edits = distance(given, name);
    if (edits <= Math.max(1, Math.floor(name.length / 3)) && (!best || edits < best.edits)) {
      best = { name, edits };
    }
  }
  return best?.name;
}

/** `did you mean "mode"? If not, remove it; ` or just `remove it or ` before the list of names. */
export function unknownNameHint(given: string, known: readonly string[], kind: string): string {
  const closest = closestName(given, known);
  const all = known.join(", ");
  return closest
    ? `did you mean "${closest}"? Otherwise remove it (${kind}: ${all})`
    : `remove it or use one of ${all}`;
}
