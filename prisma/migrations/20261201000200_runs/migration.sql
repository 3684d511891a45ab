-- One immutable Run per (engine version, canonical config hash). Experiments, submissions and
-- share links point at a Run instead of each keeping its own copy of config, seed, engine
-- version and result summary.

-- CreateTable
CREATE TABLE "Run" (
    "id" TEXT NOT NULL,
    "engineVersion" TEXT NOT NULL,
    "configHash" TEXT NOT NULL,
    "config" JSONB NOT NULL,
    "path" TEXT NOT NULL,
    "bandSeeds" INTEGER NOT NULL,
    "input" JSONB NOT NULL,
    "summary" JSONB NOT NULL,
    "layers" JSONB NOT NULL,
    "histograms" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Run_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Run_engineVersion_configHash_key" ON "Run"("engineVersion", "configHash");

-- Move existing snapshots into runs. SQL cannot compute the app's canonical config hash
-- (lib/runs/config-hash.ts), so moved rows get a 'legacy:' key (never equal to a sha256 hex
-- digest): one run per distinct (engine version, config), kept for the rows that point at it,
-- while the app computes a fresh keyed run the next time someone asks for that config. The
-- old summaries' prose fields are dropped; per-layer curves are kept only if the old summary
-- had them in the stored form.
CREATE TEMPORARY TABLE "_legacy_snapshot" AS
    SELECT "engineVersion", "config", "resultSummary", "createdAt" FROM "Experiment"
    UNION ALL SELECT "engineVersion", "config", "resultSummary", "submittedAt" FROM "Submission"
    UNION ALL SELECT "engineVersion", "config", "resultSummary", "createdAt" FROM "ShareLink";

INSERT INTO "Run" ("id", "engineVersion", "configHash", "config", "path", "bandSeeds", "input", "summary", "layers", "histograms", "createdAt")
SELECT DISTINCT ON (s."engineVersion", s."config")
    'legacy' || md5(s."engineVersion" || ':' || s."config"::text),
    s."engineVersion",
    'legacy:' || md5(s."engineVersion" || ':' || s."config"::text),
    s."config",
    COALESCE(s."resultSummary"->>'path', 'materialized'),
    COALESCE((s."resultSummary"->>'bandSeeds')::integer, 1),
    COALESCE(s."resultSummary"->'input', '{"mean": null, "std": null, "rms": null}'::jsonb),
    (s."resultSummary" - 'formula' - 'recommendation' - 'verdictText' - 'layers' - 'path' - 'bandSeeds' - 'input' - 'thresholds')
        || jsonb_build_object('thresholds', COALESCE(s."resultSummary"->'thresholds', '{}'::jsonb) - 'description'),
    CASE WHEN jsonb_typeof(s."resultSummary"->'layers') = 'array' THEN s."resultSummary"->'layers' ELSE '[]'::jsonb END,
    NULL,
    s."createdAt"
FROM "_legacy_snapshot" s
ORDER BY s."engineVersion", s."config", s."createdAt";

DROP TABLE "_legacy_snapshot";

-- AlterTable
ALTER TABLE "Experiment" ADD COLUMN "runId" TEXT;
UPDATE "Experiment" SET "runId" = 'legacy' || md5("engineVersion" || ':' || "config"::text);
ALTER TABLE "Experiment" ALTER COLUMN "runId" SET NOT NULL,
    DROP COLUMN "config",
    DROP COLUMN "seed",
    DROP COLUMN "engineVersion",
    DROP COLUMN "resultSummary";

-- AlterTable
ALTER TABLE "Submission" ADD COLUMN "runId" TEXT;
UPDATE "Submission" SET "runId" = 'legacy' || md5("engineVersion" || ':' || "config"::text);
ALTER TABLE "Submission" ALTER COLUMN "runId" SET NOT NULL,
    DROP COLUMN "config",
    DROP COLUMN "seed",
    DROP COLUMN "engineVersion",
    DROP COLUMN "resultSummary";

-- AlterTable
ALTER TABLE "ShareLink" ADD COLUMN "runId" TEXT;
UPDATE "ShareLink" SET "runId" = 'legacy' || md5("engineVersion" || ':' || "config"::text);
ALTER TABLE "ShareLink" ALTER COLUMN "runId" SET NOT NULL,
    DROP COLUMN "config",
    DROP COLUMN "engineVersion",
    DROP COLUMN "resultSummary";

-- CreateIndex
CREATE INDEX "Experiment_runId_idx" ON "Experiment"("runId");

-- CreateIndex
CREATE INDEX "Submission_runId_idx" ON "Submission"("runId");

-- CreateIndex
CREATE INDEX "ShareLink_runId_idx" ON "ShareLink"("runId");

-- AddForeignKey
ALTER TABLE "Experiment" ADD CONSTRAINT "Experiment_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShareLink" ADD CONSTRAINT "ShareLink_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
