/**
 * A cache of Prisma's query plans for reads (issue 15: CPU per command).
 *
 * With `engineType = "client"` every query is compiled to a plan by Prisma's query compiler (WebAssembly) on
 * the main thread, each time it runs, then interpreted. In a CPU profile of the bot under 50 Slack commands/s,
 * Prisma (compiler and runtime) had about a third of the main thread's samples, the compiler alone 17%; most
 * commands repeat the same reads (the reference data, one identity, the documents' paragraphs). So the plan of a read is kept, keyed by the query
 * exactly as Prisma hands it to the compiler (model, action and every argument, values included), per compiler
 * instance, least recently used first out.
 *
 * Only reads are cached: the plan of a create may carry values made at compile time (now(), generated ids).
 * Plans are frozen before reuse, so if a later Prisma interpreted a plan by changing it, the change would throw
 * at once instead of corrupting the next query (the suite runs every read through this cache).
 * `@prisma/client` is pinned to an exact version in package.json; if its compiler no longer has the method this
 * wraps, the cache is not installed and the bot runs as before (`installed` says which).
 */
type Compiler = { compile: (query: string) => unknown };
type CompilerClass = { prototype: Compiler };

const READ = /"action":"(findUnique|findUniqueOrThrow|findFirst|findFirstOrThrow|findMany|aggregate|groupBy|count)"/;
export const PLAN_CACHE_SIZE = 2000;

const wrapped = new WeakSet<object>();

function deepFreeze<T>(v: T): T {
  if (v && typeof v === "object" && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

/** Counts, for the tests and the bench: how often a read's plan was reused or compiled. */
export const planCacheStats = { hits: 0, misses: 0 };

/** Wraps `QueryCompiler.prototype.compile` of one Prisma runtime (SQLite's or PostgreSQL's) once per process. */
export function cacheReadPlans(cls: CompilerClass, size = PLAN_CACHE_SIZE): { installed: boolean } {
  const proto = cls?.prototype;
  if (!proto || typeof proto.compile !== "function") return { installed: false };
  if (wrapped.has(proto)) return { installed: true };
  const compile = proto.compile;
  const caches = new WeakMap<object, Map<string, unknown>>();
  proto.compile = function (this: Compiler, query: string) {
    if (!READ.test(query.slice(0, 160))) return compile.call(this, query);
    let cache = caches.get(this);
    if (!cache) caches.set(this, (cache = new Map()));
    const hit = cache.get(query);
    if (hit !== undefined) {
      cache.delete(query);
      cache.set(query, hit);
      planCacheStats.hits++;
      return hit;
    }
    planCacheStats.misses++;
    const plan = deepFreeze(compile.call(this, query));
    cache.set(query, plan);
    if (cache.size > size) cache.delete(cache.keys().next().value!);
    return plan;
  };
  wrapped.add(proto);
  return { installed: true };
}
