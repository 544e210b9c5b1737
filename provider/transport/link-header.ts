/**
 * Parses an RFC 8288 `Link` header into rel → URL. Hand-written: the one npm parser
 * (`http-link-header`) is unmaintained, and the subset APIs send (`<url>; rel="next"`, comma
 * separated, rel possibly unquoted or holding several names) fits in a few lines.
 */
export function parseLinkHeader(value: string | string[] | undefined): Record<string, string> {
  const links: Record<string, string> = {};
  const text = Array.isArray(value) ? value.join(",") : (value ?? "");
  for (const match of text.matchAll(/<([^>]*)>([^,<]*)/g)) {
    const url = match[1] as string;
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(match[2] as string);
    for (const name of (rel?.[1] ?? rel?.[2] ?? "").split(/\s+/)) {
      if (name && links[name.toLowerCase()] === undefined) links[name.toLowerCase()] = url;
    }
  }
  return links;
}
