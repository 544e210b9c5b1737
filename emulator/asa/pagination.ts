import type { FastifyReply, FastifyRequest } from "fastify";
import { ErrorAnswer } from "../error-answer";
import { type Query, queryFlag, queryValue } from "../query";

const defaultCount = 100;
const maxCount = 1000;

/**
 * ASA's cursor pagination: `count` items per page; `offset` is the id of the last object of the
 * previous page; the answer's `Link: <url>; rel="next"` header carries the next page's URL, and
 * its absence marks the last page. `universe` is the whole collection in its stored order, so a
 * cursor stays valid when the filters would leave its object out.
 */
export function paginate<T extends { id: string }>(
  request: FastifyRequest,
  reply: FastifyReply,
  universe: readonly T[],
  selected: readonly T[],
  nextLinks: "same-origin" | "loop" | string = "same-origin",
): T[] {
  const query = request.query as Query;
  const countParam = queryValue(query, "count");
  const count = countParam === undefined ? defaultCount : Number(countParam);
  if (!Number.isInteger(count) || count < 1 || count > maxCount)
    throw new ErrorAnswer(400, `count must be an integer from 1 to ${maxCount}`);
  const descending = queryFlag(query, "descending");
  const ordered = descending ? [...selected].reverse() : selected;

  let start = 0;
  const offset = queryValue(query, "offset");
  if (offset !== undefined) {
    const boundary = universe.findIndex((item) => item.id === offset);
    if (boundary < 0)
      throw new ErrorAnswer(400, `offset ${offset} is not the id of a listed object`);
    const position = new Map(universe.map((item, index) => [item.id, index]));
    const after = (item: T) => {
      const index = position.get(item.id) ?? -1;
      return descending ? index < boundary : index > boundary;
    };
    start = ordered.findIndex(after);
    if (start < 0) start = ordered.length;
  }

  const page = ordered.slice(start, start + count);
  const last = page.at(-1);
  if (last && start + count < ordered.length) {
    const origin = nextLinks === "same-origin" || nextLinks === "loop" ? undefined : nextLinks;
    const next = new URL(request.url, origin ?? `${request.protocol}://${request.host}`);
    if (nextLinks === "loop") next.searchParams.delete("offset");
    else next.searchParams.set("offset", last.id);
    reply.header("Link", `<${next.href}>; rel="next"`);
  }
  return page;
}
