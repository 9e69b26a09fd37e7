-- DropIndex
DROP INDEX "Comment_createdAt_idx";

-- CreateIndex
CREATE INDEX "Comment_createdAt_documentId_paragraphId_stateCode_idx" ON "Comment"("createdAt", "documentId", "paragraphId", "stateCode");

-- CreateIndex
CREATE INDEX "Position_targetRef_idx" ON "Position"("targetRef");

