/**
 * The repositories the services use, one file per aggregate under src/db/, composed into one `Repos`
 * object. Each returns the row types of src/domain/types.ts; Prisma stays inside src/db/.
 */
import type { Database } from "./client.ts";
import { normalise } from "../domain/text.ts";
import { writer } from "./write.ts";
import { refDataCache } from "./ref-data.ts";
import { identitiesRepo } from "./identities.ts";
import { documentsRepo } from "./documents.ts";
import { commentsRepo } from "./comments.ts";
import { positionsRepo } from "./positions.ts";
import { coordinationRepo, nominationsRepo } from "./coordination.ts";
import { silencesRepo } from "./silences.ts";
import { deadlinesRepo } from "./deadlines.ts";
import { eventsRepo } from "./events.ts";
import { auditRepo, settingsRepo } from "./audit.ts";
import { digestsRepo } from "./digests.ts";
import { createTrustRepos } from "./trust.ts";
import { timeRepos } from "./time.ts";
import { papersRepo } from "./papers.ts";
import { digestReads } from "./digest-reads.ts";
import { createCycleRepos } from "./cycle.ts";

export type { Author, AuditEntry } from "./write.ts";
export type { RefData } from "./ref-data.ts";
export { isUniqueViolation } from "./errors.ts";

export function createRepos(db: Database) {
  const ref = refDataCache(db);
  return {
    provider: db.provider,
    write: writer(db),
    invalidate: ref.invalidate,
    refData: ref.refData,
    identities: identitiesRepo(db),
    documents: documentsRepo(db),
    comments: commentsRepo(db),
    positions: positionsRepo(db),
    coordination: coordinationRepo(db, ref),
    nominations: nominationsRepo(db),
    silence: silencesRepo(db),
    deadlines: deadlinesRepo(db),
    events: eventsRepo(db),
    audit: auditRepo(db),
    settings: settingsRepo(db),
    digests: digestsRepo(db),
    time: timeRepos(db),
    papers: papersRepo(db.prisma),
    /** Offers, circulation, decisions and dated items filed from chat (issue 11). */
    cycle: createCycleRepos(db),
    isEmpty: ref.isEmpty,
    ...createTrustRepos(db),
    /** Aggregated reads for the digest (src/db/digest-reads.ts). */
    digestReads: digestReads(db),
  };
}

export type Repos = ReturnType<typeof createRepos>;
export { normalise };
