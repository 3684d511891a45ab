-- Sessions end when they should: every session token carries the user's sessionVersion, and a
-- token whose version is older than the row's is refused. Bumped on sign-out, password change
-- and role change (account deletion removes the row).
ALTER TABLE "User" ADD COLUMN "sessionVersion" INTEGER NOT NULL DEFAULT 0;
