// The Lucene subset Secureframe's `q` parameter takes: `field:value` terms, AND, OR (AND binds
// tighter), parentheses and double-quoted values. Matching is exact and case-sensitive; an
// unquoted value ending in `*` matches by prefix, and `field:*` matches any non-null value.

export class LuceneSyntaxError extends Error {}
export class LuceneFieldError extends Error {
  constructor(readonly field: string) {
    super(`not filterable by ${field}`);
  }
}

type Node =
  | { kind: "term"; field: string; value: string; quoted: boolean }
  | { kind: "and" | "or"; left: Node; right: Node };

type Token =
  | { kind: "(" | ")" | "AND" | "OR" }
  | { kind: "term"; field: string; value: string; quoted: boolean };

function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const char = query[i] as string;
    if (/\s/.test(char)) {
      i++;
    } else if (char === "(" || char === ")") {
      tokens.push({ kind: char });
      i++;
    } else {
      const word = /^[^\s():"]+/.exec(query.slice(i))?.[0];
      if (!word) throw new LuceneSyntaxError(`unexpected ${char} at position ${i}`);
      i += word.length;
      if (query[i] !== ":") {
        if (word === "AND" || word === "OR") tokens.push({ kind: word });
        else throw new LuceneSyntaxError(`expected field:value at "${word}"`);
        continue;
      }
      i++;
      if (query[i] === '"') {
        const end = query.indexOf('"', i + 1);
        if (end < 0) throw new LuceneSyntaxError("unterminated quoted value");
        tokens.push({ kind: "term", field: word, value: query.slice(i + 1, end), quoted: true });
        i = end + 1;
      } else {
        const value = /^[^\s()"]+/.exec(query.slice(i))?.[0];
        if (!value) throw new LuceneSyntaxError(`missing value for ${word}`);
        tokens.push({ kind: "term", field: word, value, quoted: false });
        i += value.length;
      }
    }
  }
  return tokens;
}

function parse(tokens: Token[]): Node {
  let position = 0;
  const peek = () => tokens[position]?.kind;

  const primary = (): Node => {
    const token = tokens[position++];
    if (token?.kind === "term") return token;
    if (token?.kind === "(") {
      const inner = or();
      if (tokens[position++]?.kind !== ")") throw new LuceneSyntaxError("missing )");
      return inner;
    }
    throw new LuceneSyntaxError(token ? `unexpected ${token.kind}` : "unexpected end of query");
  };
  const and = (): Node => {
    let node = primary();
    while (peek() === "AND") {
      position++;
      node = { kind: "and", left: node, right: primary() };
    }
    return node;
  };
  const or = (): Node => {
    let node = and();
    while (peek() === "OR") {
      position++;
      node = { kind: "or", left: node, right: and() };
    }
    return node;
  };

  const tree = or();
  if (position < tokens.length)
    throw new LuceneSyntaxError(`expected AND or OR before ${tokens[position]?.kind}`);
  return tree;
}

function matches(actual: unknown, term: Extract<Node, { kind: "term" }>): boolean {
  if (actual === null || actual === undefined) return false;
  const text = String(actual);
  if (!term.quoted && term.value === "*") return true;
  if (!term.quoted && term.value.endsWith("*")) return text.startsWith(term.value.slice(0, -1));
  // A date written alone matches a date-time on that day.
  if (/^\d{4}-\d{2}-\d{2}$/.test(term.value) && /^\d{4}-\d{2}-\d{2}T/.test(text))
    return text.startsWith(`${term.value}T`);
  return text === term.value;
}

/** Compiles `q` into a predicate; throws LuceneFieldError naming an unfilterable field. */
export function compileLucene(
  query: string,
  filterable: ReadonlySet<string>,
): (record: Record<string, unknown>) => boolean {
  const tree = parse(tokenize(query));
  const check = (node: Node): void => {
    if (node.kind === "term") {
      if (!filterable.has(node.field)) throw new LuceneFieldError(node.field);
    } else {
      check(node.left);
      check(node.right);
    }
  };
  check(tree);
  const evaluate = (node: Node, record: Record<string, unknown>): boolean => {
    if (node.kind === "term") return matches(record[node.field], node);
    if (node.kind === "and") return evaluate(node.left, record) && evaluate(node.right, record);
    return evaluate(node.left, record) || evaluate(node.right, record);
  };
  return (record) => evaluate(tree, record);
}
