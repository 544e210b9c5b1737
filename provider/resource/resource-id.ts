/** IDs of the form `<scope>/<name>` (`team/group`). The scope never holds a slash; the name may. */
export function joinId(scope: string, name: string): string {
  return `${scope}/${name}`;
}

export function splitId(id: string): { scope: string; name: string } | undefined {
  const at = id.indexOf("/");
  if (at <= 0 || at === id.length - 1) return undefined;
  return { scope: id.slice(0, at), name: id.slice(at + 1) };
}
