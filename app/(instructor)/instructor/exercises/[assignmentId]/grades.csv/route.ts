/** The grades of one exercise as a CSV download, for the exercise's instructor only. */
import { getSessionUser } from '@/lib/auth/session';
import { gradesCsv } from '@/lib/data/dashboard';

export async function GET(_req: Request, { params }: { params: Promise<{ assignmentId: string }> }) {
  const { assignmentId } = await params;
  const user = await getSessionUser();
  // Like the pages: a visitor is sent to sign in and comes back to the download.
  if (!user) {
    const back = `/instructor/exercises/${encodeURIComponent(assignmentId)}/grades.csv`;
    return new Response(null, { status: 307, headers: { Location: `/sign-in?callbackUrl=${encodeURIComponent(back)}` } });
  }
  if (user.role !== 'INSTRUCTOR') return new Response('This download is for instructors.', { status: 403 });
  const out = await gradesCsv(user, assignmentId);
  if (!out) return new Response('That exercise does not exist, or it is not yours.', { status: 404 });
  return new Response(out.csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${out.filename}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
