-- AlterTable
ALTER TABLE "Paragraph" ADD COLUMN     "matter" TEXT;

-- CreateTable
CREATE TABLE "Preference" (
    "id" SERIAL NOT NULL,
    "platform" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "lang" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Preference_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RequestRecord" (
    "key" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RequestRecord_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "ComponentState" (
    "key" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "command" TEXT NOT NULL,
    "reply" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ComponentState_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Preference_platform_userId_key" ON "Preference"("platform", "userId");

-- CreateIndex
CREATE INDEX "ComponentState_createdAt_idx" ON "ComponentState"("createdAt");

