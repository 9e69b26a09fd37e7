/**
 * A cache of Prisma's query plans for reads (issue 15: CPU per command).
 *
 * With `engineType = "client"` every query is compiled to a plan by Prisma's query compiler (WebAssembly) on
 * the main thread, each time it runs, then interpreted. In a CPU profile of the bot under 50 Slack commands/s,
 * Prisma (compiler and runtime) had about a third of the main thread's samples, the compiler alone 17%.
 *
 * **Plans by shape.** A plan carries a read's values inline (the `args` of its SQL), so a cache keyed by the
 * whole query misses whenever a value is new: the idempotency key of each write (`requestKey`), and, under load,
 * every batch Prisma makes of concurrent `findUnique`s (one identity and one preference per command, batched in
 * ever other combinations of users). Counted in two bot processes at 200/s, those misses cost about 1 ms of
 * compiler per command. So the strings of a read's `where` are first replaced by sentinels and that *shape* is
 * compiled once; its plan is a template, and a read of that shape gets a copy with its own values put where the
 * sentinels were (only the nodes on those paths are copied, the rest is shared).
 *
 * A shape is used only when every sentinel comes back in the plan as a whole string, each at least once, and
 * nowhere else (not inside a longer string, not in a key). A shape whose sentinels the compiler refuses (an enum,
 * `mode`, a date given as a string) or rewrites is marked literal, and its reads are cached by their whole
 * query as before. `verifyPlans(true)` (the test suite's setup) compiles every read afresh as well and throws
 * if the copy differs from the compiler's own plan, so every read of the suite checks the shapes.
 *
 * Only reads are cached: the plan of a create may carry values made at compile time (now(), generated ids).
 * Plans are frozen before reuse, so if a later Prisma interpreted a plan by changing it, the change would throw
 * at once instead of corrupting the next query. `@prisma/client` is pinned to an exact version in
 * package.json; if its compiler no longer has the methods this wraps, the cache is not installed and the bot
 * runs as before (`installed` says which).
 */
type Compiler = { compile: (query: string) => unknown; compileBatch?: (batch: string) => unknown };
type CompilerClass = { prototype: Compiler };

const READS = new Set(["findUnique", "findUniqueOrThrow", "findFirst", "findFirstOrThrow", "findMany", "aggregate", "groupBy", "count"]);
const ACTION = /"action":"(\w+)"/g;
export const PLAN_CACHE_SIZE = 2000;

/** U+0001 does not occur in the bot's values; a value that holds it just makes its shape literal. */
const MARK = "\u0001dd";
const sentinel = (i: number) => `${MARK}${i}\u0001`;

/** Where a template's values go: a key (or index) to the value's number, or to the next level. */
type Trie = Map<string | number, number | Trie>;
type Entry = { kind: "template"; plan: object; trie: Trie } | { kind: "literal" };

const wrapped = new WeakSet<object>();
let verify = false;

/** The test suite's switch: every cached read is also compiled afresh, and a difference throws. */
export function verifyPlans(on: boolean) {
  verify = on;
}

/** Counts, for the tests and the bench: how often a read's plan was reused or compiled. */
export const planCacheStats = { hits: 0, misses: 0 };

function deepFreeze<T>(v: T): T {
  if (v && typeof v === "object" && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

/** Whether every action in a query (or a batch of them) is a read. */
function allReads(query: string): boolean {
  let any = false;
  for (const m of query.matchAll(ACTION)) {
    if (!READS.has(m[1]!)) return false;
    any = true;
  }
  return any;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
const isObject = (v: Json | undefined): v is { [k: string]: Json } => !!v && typeof v === "object" && !Array.isArray(v);

/** Replaces the plain strings of a filter by sentinels, in place, collecting them; `mode` and tagged values ($type) stay. */
function lift(node: Json, values: string[]): Json {
  if (typeof node === "string") {
    values.push(node);
    return sentinel(values.length - 1);
  }
  if (Array.isArray(node)) return node.map((x) => lift(x, values));
  if (isObject(node)) {
    if ("$type" in node) return node;
    for (const k of Object.keys(node)) if (k !== "mode") node[k] = lift(node[k]!, values);
  }
  return node;
}

/** The shape of a read (or a batch of reads) and its values, or null when it has no strings to lift. */
export function shapeOf(query: string): { shape: string; values: string[] } | null {
  if (!query.includes('"where"')) return null;
  const q = JSON.parse(query) as Json;
  const values: string[] = [];
  const one = (x: Json | undefined) => {
    const args = isObject(x) && isObject(x.query) ? x.query.arguments : undefined;
    if (isObject(args) && args.where !== undefined) args.where = lift(args.where, values);
  };
  if (isObject(q) && Array.isArray(q.batch)) q.batch.forEach(one);
  else one(q);
  return values.length ? { shape: JSON.stringify(q), values } : null;
}

/** The paths of the sentinels in a compiled plan, or null if the plan is not a clean template of its shape. */
export function templateOf(plan: unknown, count: number): Trie | null {
  const trie: Trie = new Map();
  const seen = new Set<number>();
  let clean = true;
  const walk = (node: unknown, at: Trie, key: string | number): void => {
    if (!clean) return;
    if (typeof node === "string") {
      if (!node.includes(MARK)) return;
      const m = /^\u0001dd(\d+)\u0001$/.exec(node);
      if (!m || Number(m[1]) >= count) { clean = false; return; }
      at.set(key, Number(m[1]));
      seen.add(Number(m[1]));
      return;
    }
    if (!node || typeof node !== "object") return;
    const sub: Trie = new Map();
    for (const [k, v] of Array.isArray(node) ? node.entries() : Object.entries(node)) {
      if (typeof k === "string" && k.includes(MARK)) { clean = false; return; }
      walk(v, sub, k);
    }
    if (sub.size) at.set(key, sub);
  };
  walk(plan, trie, "root");
  return clean && seen.size === count && trie.get("root") instanceof Map ? (trie.get("root") as Trie) : null;
}

/** A copy of a frozen template with the values in place; only the nodes on the values' paths are new (and frozen). */
export function fill(node: object, trie: Trie, values: readonly string[]): object {
  const out = (Array.isArray(node) ? [...node] : { ...node }) as Record<string | number, unknown>;
  for (const [k, sub] of trie) out[k] = typeof sub === "number" ? values[sub] : fill((node as Record<string | number, object>)[k]!, sub, values);
  return Object.freeze(out);
}

/** JSON with every object's keys sorted: the compiler orders the keys of a batch's `arguments` by hashing its values. */
function canonical(v: unknown): string {
  const sort = (x: unknown): unknown =>
    Array.isArray(x) ? x.map(sort) : x && typeof x === "object" ? Object.fromEntries(Object.keys(x).sort().map((k) => [k, sort((x as Record<string, unknown>)[k])])) : x;
  return JSON.stringify(sort(v));
}

class Lru<V> {
  readonly map = new Map<string, V>();
  constructor(readonly size: number) {}
  get(k: string): V | undefined {
    const v = this.map.get(k);
    if (v !== undefined) {
      this.map.delete(k);
      this.map.set(k, v);
    }
    return v;
  }
  set(k: string, v: V) {
    this.map.set(k, v);
    if (this.map.size > this.size) this.map.delete(this.map.keys().next().value!);
  }
}

function cached(compile: (this: Compiler, q: string) => unknown, size: number) {
  const caches = new WeakMap<object, { shapes: Lru<Entry>; literal: Lru<unknown> }>();
  return function (this: Compiler, query: string): unknown {
    if (!allReads(query)) return compile.call(this, query);
    let c = caches.get(this);
    if (!c) caches.set(this, (c = { shapes: new Lru(size), literal: new Lru(size) }));
    const s = shapeOf(query);
    let entry = s && c.shapes.get(s.shape);
    if (s && !entry) {
      entry = { kind: "literal" };
      try {
        const plan = deepFreeze(compile.call(this, s.shape) as object);
        const trie = templateOf(plan, s.values.length);
        if (trie) entry = { kind: "template", plan, trie };
      } catch {
        // The compiler refused a sentinel (an enum, `mode`, a date as a string): this shape is cached by value.
      }
      c.shapes.set(s.shape, entry);
      if (entry.kind === "template") planCacheStats.misses++;
    } else if (entry?.kind === "template") planCacheStats.hits++;
    if (s && entry?.kind === "template") {
      const plan = fill(entry.plan, entry.trie, s.values);
      if (verify && canonical(plan) !== canonical(compile.call(this, query)))
        throw new Error(`plan-cache: the plan made from the shape differs from the compiler's own for ${query}`);
      return plan;
    }
    const hit = c.literal.get(query);
    if (hit !== undefined) {
      planCacheStats.hits++;
      return hit;
    }
    planCacheStats.misses++;
    const plan = deepFreeze(compile.call(this, query));
    c.literal.set(query, plan);
    return plan;
  };
}

/** Wraps `compile` and `compileBatch` of one Prisma runtime's QueryCompiler (SQLite's or PostgreSQL's) once per process. */
export function cacheReadPlans(cls: CompilerClass, size = PLAN_CACHE_SIZE): { installed: boolean } {
  const proto = cls?.prototype;
  if (!proto || typeof proto.compile !== "function") return { installed: false };
  if (wrapped.has(proto)) return { installed: true };
  proto.compile = cached(proto.compile, size);
  if (typeof proto.compileBatch === "function") proto.compileBatch = cached(proto.compileBatch, size);
  wrapped.add(proto);
  return { installed: true };
}
