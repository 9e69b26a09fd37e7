-- AlterTable
ALTER TABLE "Appointment" ADD COLUMN     "offerId" TEXT;

-- AlterTable
ALTER TABLE "Offer" ADD COLUMN     "createdAt" TIMESTAMP(3),
ADD COLUMN     "note" TEXT,
ADD COLUMN     "platform" TEXT,
ADD COLUMN     "requestKey" TEXT,
ADD COLUMN     "userId" TEXT,
ADD COLUMN     "withdrawnAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "circulatedAt" TIMESTAMP(3),
ADD COLUMN     "revisionOf" TEXT;

-- AlterTable
ALTER TABLE "Deadline" ADD COLUMN     "cancelledAt" TIMESTAMP(3),
ADD COLUMN     "createdAt" TIMESTAMP(3),
ADD COLUMN     "time" TEXT;

-- CreateTable
CREATE TABLE "Decision" (
    "id" SERIAL NOT NULL,
    "symbol" TEXT,
    "body" TEXT NOT NULL DEFAULT '',
    "targetType" TEXT NOT NULL,
    "targetRef" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "decidedOn" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "override" TEXT,
    "overridden" TEXT NOT NULL DEFAULT '',
    "recordedAt" TIMESTAMP(3) NOT NULL,
    "platform" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "requestKey" TEXT,
    "source" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "Decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CirculationPreview" (
    "token" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "CirculationPreview_pkey" PRIMARY KEY ("token")
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

