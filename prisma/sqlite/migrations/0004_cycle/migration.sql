-- AlterTable
ALTER TABLE "Appointment" ADD COLUMN "offerId" TEXT;

-- AlterTable
ALTER TABLE "Offer" ADD COLUMN "createdAt" DATETIME;
ALTER TABLE "Offer" ADD COLUMN "note" TEXT;
ALTER TABLE "Offer" ADD COLUMN "platform" TEXT;
ALTER TABLE "Offer" ADD COLUMN "requestKey" TEXT;
ALTER TABLE "Offer" ADD COLUMN "userId" TEXT;
ALTER TABLE "Offer" ADD COLUMN "withdrawnAt" DATETIME;

-- AlterTable
ALTER TABLE "Document" ADD COLUMN "circulatedAt" DATETIME;
ALTER TABLE "Document" ADD COLUMN "revisionOf" TEXT;

-- AlterTable
ALTER TABLE "Deadline" ADD COLUMN "cancelledAt" DATETIME;
ALTER TABLE "Deadline" ADD COLUMN "createdAt" DATETIME;
ALTER TABLE "Deadline" ADD COLUMN "time" TEXT;

-- CreateTable
CREATE TABLE "Decision" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "symbol" TEXT,
    "body" TEXT NOT NULL DEFAULT '',
    "targetType" TEXT NOT NULL,
    "targetRef" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "decidedOn" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "override" TEXT,
    "overridden" TEXT NOT NULL DEFAULT '',
    "recordedAt" DATETIME NOT NULL,
    "platform" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "requestKey" TEXT,
    "source" TEXT NOT NULL DEFAULT ''
);

-- CreateTable
CREATE TABLE "CirculationPreview" (
    "token" TEXT NOT NULL PRIMARY KEY,
    "payload" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "userId" TEXT NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "Decision_requestKey_key" ON "Decision"("requestKey");

-- CreateIndex
CREATE INDEX "Decision_symbol_idx" ON "Decision"("symbol");

-- CreateIndex
CREATE INDEX "Decision_targetType_targetRef_idx" ON "Decision"("targetType", "targetRef");

-- CreateIndex
CREATE INDEX "Decision_recordedAt_idx" ON "Decision"("recordedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Offer_requestKey_key" ON "Offer"("requestKey");

