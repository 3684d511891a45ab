-- Experiments: tags for search and filtering, soft delete so "Delete" can be undone, and the
-- notes a share link snapshots beside the title (later edits do not change what was shared).

-- AlterTable
ALTER TABLE "Experiment" ADD COLUMN     "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "deletedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "ShareLink" ADD COLUMN     "notes" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "Experiment_ownerId_deletedAt_updatedAt_idx" ON "Experiment"("ownerId", "deletedAt", "updatedAt");
