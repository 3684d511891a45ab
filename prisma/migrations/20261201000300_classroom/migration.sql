-- The classroom: solution commentary, student explanations, score overrides, idempotent submits,
-- per-student extensions and pre-enrolment of roster e-mails that have no account yet.

-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN "solutionNotes" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Submission" ADD COLUMN "explanation" TEXT NOT NULL DEFAULT '',
ADD COLUMN "scoreOverride" DOUBLE PRECISION,
ADD COLUMN "overrideReason" TEXT,
ADD COLUMN "overriddenById" TEXT,
ADD COLUMN "overriddenAt" TIMESTAMP(3),
ADD COLUMN "clientKey" TEXT;

-- CreateTable
CREATE TABLE "Extension" (
    "id" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "studentId" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "cutoffAt" TIMESTAMP(3),
    "grantedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Extension_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PendingEnrollment" (
    "id" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PendingEnrollment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Submission_clientKey_key" ON "Submission"("clientKey");

-- CreateIndex
CREATE INDEX "Submission_overriddenById_idx" ON "Submission"("overriddenById");

-- CreateIndex
CREATE INDEX "Extension_studentId_idx" ON "Extension"("studentId");

-- CreateIndex
CREATE INDEX "Extension_grantedById_idx" ON "Extension"("grantedById");

-- CreateIndex
CREATE UNIQUE INDEX "Extension_assignmentId_studentId_key" ON "Extension"("assignmentId", "studentId");

-- CreateIndex
CREATE INDEX "PendingEnrollment_email_idx" ON "PendingEnrollment"("email");

-- CreateIndex
CREATE UNIQUE INDEX "PendingEnrollment_courseId_email_key" ON "PendingEnrollment"("courseId", "email");

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_overriddenById_fkey" FOREIGN KEY ("overriddenById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Extension" ADD CONSTRAINT "Extension_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Extension" ADD CONSTRAINT "Extension_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Extension" ADD CONSTRAINT "Extension_grantedById_fkey" FOREIGN KEY ("grantedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PendingEnrollment" ADD CONSTRAINT "PendingEnrollment_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;
