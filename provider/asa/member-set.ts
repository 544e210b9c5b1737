/**
 * A group's members as usernames, each once, in code-unit order: the one form members take
 * inside the provider. It meets the outside at two edges only: `MemberSet.from` reads what the
 * program or the engine hands over (a list from the program, the stored name set, or a list in
 * state written before name sets), and `toStored` gives what the engine stores — a name set
 * (`{ "<username>": true }`), so that previews and refreshes name who is added and removed
 * (Pulumi compares lists index by index).
 */
export class MemberSet implements Iterable<string> {
  private readonly names: ReadonlySet<string>;

  private constructor(names: Iterable<string>) {
    this.names = new Set([...new Set(names)].sort());
  }

  static of(names: Iterable<string>): MemberSet {
    return new MemberSet(names);
  }

  /** A list of names or a stored name set; anything else holds no one. */
  static from(value: unknown): MemberSet {
    if (Array.isArray(value)) return new MemberSet(value.filter((v) => typeof v === "string"));
    if (value !== null && typeof value === "object") return new MemberSet(Object.keys(value));
    return new MemberSet([]);
  }

  /** Whether a stored value is a stored name set (as opposed to an older list). */
  static isStoredForm(value: unknown): boolean {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  get size(): number {
    return this.names.size;
  }

  has(name: string): boolean {
    return this.names.has(name);
  }

  [Symbol.iterator](): Iterator<string> {
    return this.names[Symbol.iterator]();
  }

  list(): string[] {
    return [...this.names];
  }

  /** Those for whom `keep` holds, in order. */
  filter(keep: (name: string) => boolean): MemberSet {
    return new MemberSet(this.list().filter(keep));
  }

  /** Those not in `other`. */
  minus(other: MemberSet): MemberSet {
    return this.filter((name) => !other.has(name));
  }

  union(other: Iterable<string>): MemberSet {
    return new MemberSet([...this, ...other]);
  }

  equals(other: MemberSet): boolean {
    return this.size === other.size && this.list().every((name) => other.has(name));
  }

  /** The form the engine stores. */
  toStored(): Record<string, true> {
    return Object.fromEntries(this.list().map((name) => [name, true as const]));
  }
}
