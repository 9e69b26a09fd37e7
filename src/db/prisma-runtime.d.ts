// The query compilers of Prisma's "client" engine, which the generated clients import; only the class that
// src/db/plan-cache.ts wraps is declared.
declare module "@prisma/client/runtime/query_compiler_bg.sqlite.mjs" {
  export const QueryCompiler: { prototype: { compile: (query: string) => unknown } };
}
declare module "@prisma/client/runtime/query_compiler_bg.postgresql.mjs" {
  export const QueryCompiler: { prototype: { compile: (query: string) => unknown } };
}
