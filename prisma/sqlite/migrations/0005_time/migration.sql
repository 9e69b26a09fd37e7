-- AlterTable
ALTER TABLE "Document" ADD COLUMN "meeting" TEXT;

-- AlterTable
ALTER TABLE "Deadline" ADD COLUMN "announcedOn" TEXT;

