/**
 * Plain CommonJS on purpose: a worker cannot inherit tsx's loader, and registering it costs a worker
 * about two seconds on start; this file runs as is, both from src/ and next to a compiled dist/.
 * The message types are in src/db/sqlite-remote.ts.
 *
 * The SQLite connection's own thread. better-sqlite3 is synchronous: a commit's fsync (synchronous=FULL)
 * or a wait for another process's write lock (busy_timeout) blocks the thread that calls it. Here that
 * thread is this worker, never the bot's event loop, so acknowledgements go out while the disk works.
 *
 * It runs Prisma's own better-sqlite3 driver adapter and answers the main thread's proxy
 * (src/db/sqlite-remote.ts) message by message. Transactions are ours, not the adapter's:
 *  - BEGIN IMMEDIATE takes the write lock up front (a deferred BEGIN can fail half-way with BUSY_SNAPSHOT);
 *  - a failed COMMIT (disk full, I/O error, busy) is rolled back here and the transaction slot released,
 *    so the next write works (the stock adapter leaves its mutex held: prisma/orm issue 29933).
 */
"use strict";
const { parentPort, workerData } = require("node:worker_threads");

async function main() {
  const { file, timeoutMs, role, adapterPath } = workerData;
  const { PrismaBetterSQLite3 } = require(adapterPath);
  // The reader starts beside the writer (loading the modules is most of a worker's start) but opens the file
  // only when told, once the writer has set WAL mode.
  if (role === "reader") await new Promise((r) => parentPort.once("message", r));
  const factory = new PrismaBetterSQLite3({ url: file, timeout: timeoutMs }, { timestampFormat: "iso8601" });
  const conn = await factory.connect();
  // Per-connection settings, set before the first query: WAL lets the reader run beside the writer;
  // synchronous=FULL makes each commit survive power loss, which "done means durable" needs.
  // journal_mode is stored in the file: the writer sets it before the reader opens.
  for (const pragma of [`busy_timeout = ${timeoutMs}`, ...(role === "writer" ? ["journal_mode = WAL"] : []), "synchronous = FULL", "foreign_keys = ON"]) conn.client.prepare(`PRAGMA ${pragma}`).run();

  /** Prepared statements of the "rows" reads, by SQL (the same few run for every digest). */
  const statements = new Map();

  /** One transaction at a time on the one connection; the others wait their turn in order. */
  let current;
  let nextTx = 1;
  const waiting = [];

  function release(tx) {
    if (current !== tx) return;
    current = undefined;
    waiting.shift()?.();
  }

  /** Leaves the connection outside any transaction, whatever state a failure left it in. */
  function rollbackQuietly() {
    try {
      if (conn.client.inTransaction) conn.client.prepare("ROLLBACK").run();
    } catch {
      /* the connection already rolled back (SQLite does so itself after some I/O errors) */
    }
  }

  /** A raw SqliteError as the adapter reports it (a busy lock is Prisma's "SocketTimeout", P1008). */
  function asAdapterError(e) {
    const err = e;
    if (typeof err?.code !== "string") return e;
    const cause = err.code === "SQLITE_BUSY" ? { kind: "SocketTimeout" } : { kind: "sqlite", extendedCode: 0, message: err.message };
    return Object.assign(new Error(err.message), { name: "DriverAdapterError", code: err.code, cause: { originalCode: err.code, originalMessage: err.message, ...cause } });
  }

  async function begin() {
    if (current !== undefined) await new Promise((r) => waiting.push(r));
    const tx = nextTx++;
    current = tx;
    try {
      conn.client.prepare("BEGIN IMMEDIATE").run();
    } catch (e) {
      rollbackQuietly();
      release(tx);
      throw asAdapterError(e);
    }
    return tx;
  }

  /** A "rows" read: column names once, then the rows as arrays. */
  function rows(m) {
    try {
      let st = statements.get(m.sql);
      if (!st) {
        if (statements.size >= 64) statements.delete(statements.keys().next().value);
        st = conn.client.prepare(m.sql);
        statements.set(m.sql, (st = { columns: st.columns().map((c) => c.name), raw: st.raw(true) }));
      }
      // Arrays cross to the main thread cheaper than objects; the names come once.
      return { columns: st.columns, rows: st.raw.all(...m.args) };
    } catch (e) {
      throw asAdapterError(e);
    }
  }

  async function handle(m) {
    switch (m.op) {
      case "query":
      case "execute": {
        if (m.tx !== undefined && m.tx !== current) {
          // Prisma's ROLLBACK after a COMMIT that failed (and was rolled back here) has nothing left to do.
          if (/^\s*ROLLBACK\b/i.test(m.query.sql)) return 0;
          throw Object.assign(new Error("Transaction already closed"), { name: "DriverAdapterError", cause: { kind: "TransactionAlreadyClosed", cause: "Transaction already closed" } });
        }
        const isCommit = m.tx !== undefined && /^\s*COMMIT\b/i.test(m.query.sql);
        try {
          return m.op === "query" ? await conn.queryRaw(m.query) : await conn.executeRaw(m.query);
        } catch (e) {
          if (isCommit) {
            // Prisma never calls commit() after its COMMIT statement failed: close the transaction here.
            rollbackQuietly();
            release(m.tx);
          }
          throw e;
        }
      }
      case "rows":
        // A plain SELECT outside Prisma (src/db/raw-reads.ts): column names and rows as arrays, statements kept for reuse.
        // On the writer (a digest's large reads, beside the reader's) it waits until no transaction is open, so
        // it reads only committed rows, then lets the next waiter go.
        if (role === "writer" && current !== undefined) {
          await new Promise((r) => waiting.push(r));
          try {
            return rows(m);
          } finally {
            if (current === undefined) waiting.shift()?.();
          }
        }
        return rows(m);
      case "script":
        return conn.executeScript(m.script);
      case "begin":
        return begin();
      case "commit":
        // Prisma has already sent COMMIT as a statement (a failure there released the slot); if it has not, commit now.
        if (conn.client.inTransaction && current === m.tx) {
          try {
            conn.client.prepare("COMMIT").run();
          } catch (e) {
            rollbackQuietly();
            release(m.tx);
            throw asAdapterError(e);
          }
        }
        release(m.tx);
        return;
      case "rollback":
        if (current === m.tx) rollbackQuietly();
        release(m.tx);
        return;
      case "dispose":
        return conn.dispose();
    }
  }

  parentPort.on("message", (m) => {
    handle(m).then(
      (value) => parentPort.postMessage({ id: m.id, ok: true, value }),
      (e) => {
        const err = e;
        const cause = err?.cause && typeof err.cause === "object" ? JSON.parse(JSON.stringify(err.cause)) : undefined;
        parentPort.postMessage({ id: m.id, ok: false, error: { name: err?.name ?? "Error", message: err?.message ?? String(e), code: typeof err?.code === "string" ? err.code : undefined, cause } });
      },
    );
  });
  parentPort.postMessage({ id: 0, ok: true });
}

main().catch((e) => {
  parentPort.postMessage({ id: 0, ok: false, error: { name: e?.name ?? "Error", message: e?.message ?? String(e) } });
});
