import 'server-only';
/**
 * Comparisons: a list of run-bearing items (the actor's experiments, or submissions an instructor
 * grades) turned into RunViews for the compare page. Rights come from the same filters as every
 * other query (experimentWhere, comparableSubmissionWhere); if any item is not visible the whole
 * comparison is refused with one message, so it does not reveal which id exists.
 */
import { getDb } from '../db';
import { AppError } from '../errors';
import type { SessionUser } from '../auth/session-user';
import { runView, type RunView } from '../experiments/run-view';
import type { CompareRef } from '../validation/experiment';
import { getRunById, type StoredRun } from './runs';
import { comparableSubmissionWhere, experimentWhere } from './access/experiments';

type Actor = Pick<SessionUser, 'id' | 'role'>;

export const COMPARE_NOT_FOUND = 'One of the chosen runs does not exist, or you may not see it.';

function view(key: string, title: string, subtitle: string | null, run: StoredRun): RunView {
  return runView({ key, title, subtitle, config: run.config, engineVersion: run.engineVersion, computedAt: run.createdAt, result: run.result });
}

/** RunViews in the order of `refs` (already validated: 2 to 6 distinct refs). */
export async function getComparison(actor: Actor, refs: CompareRef[]): Promise<RunView[]> {
  const db = await getDb();
  const expIds = refs.filter((r) => r.kind === 'experiment').map((r) => r.id);
  const subIds = refs.filter((r) => r.kind === 'submission').map((r) => r.id);
  const [experiments, submissions] = await Promise.all([
    expIds.length
      ? db.experiment.findMany({ where: { id: { in: expIds }, ...experimentWhere(actor) }, select: { id: true, title: true, runId: true } })
      : [],
    subIds.length
      ? db.submission.findMany({
          where: { AND: [{ id: { in: subIds } }, comparableSubmissionWhere(actor)] },
          select: { id: true, attempt: true, runId: true, student: { select: { name: true } }, assignment: { select: { title: true } } },
        })
      : [],
  ]);
  if (experiments.length !== expIds.length || submissions.length !== subIds.length) throw new AppError('NOT_FOUND', COMPARE_NOT_FOUND);

  const items = refs.map((ref) => {
    if (ref.kind === 'experiment') {
      const e = experiments.find((x) => x.id === ref.id)!;
      return { key: `experiment:${e.id}`, title: e.title, subtitle: null, runId: e.runId };
    }
    const s = submissions.find((x) => x.id === ref.id)!;
    return { key: `submission:${s.id}`, title: `${s.student.name}, attempt ${s.attempt}`, subtitle: s.assignment.title, runId: s.runId };
  });
  const runs = await Promise.all(items.map((i) => getRunById(i.runId)));
  return items.map((item, k) => {
    const run = runs[k];
    if (!run) throw new AppError('NOT_FOUND', COMPARE_NOT_FOUND);
    return view(item.key, item.title, item.subtitle, run);
  });
}
