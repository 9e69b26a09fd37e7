-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "State" (
    "code" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "nameRu" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "State_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "StateAlias" (
    "alias" TEXT NOT NULL,
    "stateCode" TEXT NOT NULL,

    CONSTRAINT "StateAlias_pkey" PRIMARY KEY ("alias")
);

-- CreateTable
CREATE TABLE "Identity" (
    "id" SERIAL NOT NULL,
    "platform" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "stateCode" TEXT,
    "lang" TEXT NOT NULL DEFAULT 'en',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Identity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChannelLink" (
    "id" SERIAL NOT NULL,
    "platform" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "stateCode" TEXT NOT NULL,

    CONSTRAINT "ChannelLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoleLink" (
    "id" SERIAL NOT NULL,
    "platform" TEXT NOT NULL,
    "roleId" TEXT NOT NULL,
    "stateCode" TEXT NOT NULL,

    CONSTRAINT "RoleLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Dimension" (
    "id" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "nameRu" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "Dimension_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PriorityArea" (
    "id" TEXT NOT NULL,
    "dimensionId" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "nameRu" TEXT NOT NULL,
    "aliases" TEXT NOT NULL DEFAULT '',
    "conceptPaperStatus" TEXT NOT NULL DEFAULT 'unknown',
    "conceptPaperAsOf" TEXT,
    "conceptPaperNote" TEXT,
    "source" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "PriorityArea_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Appointment" (
    "id" TEXT NOT NULL,
    "areaId" TEXT NOT NULL,
    "stateCode" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "fromDate" TEXT,
    "untilDate" TEXT,
    "tenure" TEXT,
    "decision" TEXT,
    "source" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "Appointment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Offer" (
    "id" TEXT NOT NULL,
    "areaId" TEXT NOT NULL,
    "stateCode" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "tenure" TEXT,
    "submittedOn" TEXT,
    "status" TEXT NOT NULL,
    "decidedOn" TEXT,
    "decision" TEXT,
    "source" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "Offer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Document" (
    "id" SERIAL NOT NULL,
    "symbol" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "titleRu" TEXT,
    "body" TEXT,
    "date" TEXT,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL,
    "restricted" BOOLEAN NOT NULL DEFAULT true,
    "commentsDue" TEXT,
    "source" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Paragraph" (
    "id" SERIAL NOT NULL,
    "documentId" INTEGER NOT NULL,
    "ref" TEXT NOT NULL,
    "ord" INTEGER NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "Paragraph_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Nomination" (
    "id" TEXT NOT NULL,
    "post" TEXT NOT NULL,
    "candidate" TEXT NOT NULL,
    "nominatedBy" TEXT NOT NULL,
    "nominatedOn" TEXT,
    "status" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "Nomination_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SilenceProcedure" (
    "id" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "subjectRu" TEXT,
    "targetType" TEXT NOT NULL,
    "targetRef" TEXT,
    "startsOn" TEXT NOT NULL,
    "expiresOn" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "brokenBy" TEXT,
    "brokenAt" TIMESTAMP(3),
    "concludedAt" TIMESTAMP(3),
    "source" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "SilenceProcedure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Comment" (
    "id" SERIAL NOT NULL,
    "documentId" INTEGER NOT NULL,
    "paragraphId" INTEGER,
    "stateCode" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "platform" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "requestKey" TEXT,

    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommentVersion" (
    "id" SERIAL NOT NULL,
    "commentId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "replacedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CommentVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Position" (
    "id" SERIAL NOT NULL,
    "stateCode" TEXT NOT NULL,
    "stance" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetRef" TEXT NOT NULL,
    "paragraphRef" TEXT,
    "reason" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL,
    "withdrawnAt" TIMESTAMP(3),
    "withdrawnBy" TEXT,
    "platform" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "requestKey" TEXT,
    "source" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "Position_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Deadline" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "titleRu" TEXT NOT NULL,
    "due" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'Asia/Almaty',
    "restricted" BOOLEAN NOT NULL DEFAULT false,
    "source" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "Deadline_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CbmEvent" (
    "id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "concept" TEXT,
    "purpose" TEXT,
    "organisers" TEXT NOT NULL,
    "areaId" TEXT,
    "startsOn" TEXT,
    "endsOn" TEXT,
    "format" TEXT,
    "status" TEXT NOT NULL,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "submittedAt" TIMESTAMP(3),
    "submittedBy" TEXT,
    "source" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "CbmEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "platform" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "stateCode" TEXT,
    "role" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "details" TEXT NOT NULL DEFAULT '{}',

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DigestDelivery" (
    "id" SERIAL NOT NULL,
    "day" TEXT NOT NULL,
    "destination" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "claimedBy" TEXT,
    "claimedAt" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),
    "lastError" TEXT,

    CONSTRAINT "DigestDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Identity_platform_userId_key" ON "Identity"("platform", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "ChannelLink_platform_channelId_key" ON "ChannelLink"("platform", "channelId");

-- CreateIndex
CREATE UNIQUE INDEX "RoleLink_platform_roleId_key" ON "RoleLink"("platform", "roleId");

-- CreateIndex
CREATE INDEX "Appointment_areaId_idx" ON "Appointment"("areaId");

-- CreateIndex
CREATE INDEX "Appointment_stateCode_idx" ON "Appointment"("stateCode");

-- CreateIndex
CREATE INDEX "Offer_areaId_idx" ON "Offer"("areaId");

-- CreateIndex
CREATE UNIQUE INDEX "Document_symbol_key" ON "Document"("symbol");

-- CreateIndex
CREATE UNIQUE INDEX "Paragraph_documentId_ref_key" ON "Paragraph"("documentId", "ref");

-- CreateIndex
CREATE UNIQUE INDEX "Comment_requestKey_key" ON "Comment"("requestKey");

-- CreateIndex
CREATE INDEX "Comment_documentId_idx" ON "Comment"("documentId");

-- CreateIndex
CREATE INDEX "Comment_createdAt_idx" ON "Comment"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Position_requestKey_key" ON "Position"("requestKey");

-- CreateIndex
CREATE INDEX "Position_targetType_targetRef_idx" ON "Position"("targetType", "targetRef");

-- CreateIndex
CREATE INDEX "Position_stateCode_idx" ON "Position"("stateCode");

-- CreateIndex
CREATE INDEX "Position_createdAt_idx" ON "Position"("createdAt");

-- CreateIndex
CREATE INDEX "Position_withdrawnAt_idx" ON "Position"("withdrawnAt");

-- CreateIndex
CREATE INDEX "Deadline_due_idx" ON "Deadline"("due");

-- CreateIndex
CREATE INDEX "CbmEvent_year_idx" ON "CbmEvent"("year");

-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");

-- CreateIndex
CREATE UNIQUE INDEX "DigestDelivery_day_destination_key" ON "DigestDelivery"("day", "destination");

-- AddForeignKey
ALTER TABLE "StateAlias" ADD CONSTRAINT "StateAlias_stateCode_fkey" FOREIGN KEY ("stateCode") REFERENCES "State"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PriorityArea" ADD CONSTRAINT "PriorityArea_dimensionId_fkey" FOREIGN KEY ("dimensionId") REFERENCES "Dimension"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Paragraph" ADD CONSTRAINT "Paragraph_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommentVersion" ADD CONSTRAINT "CommentVersion_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

