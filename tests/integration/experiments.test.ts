/**
 * Experiments, share links and comparisons against a real database: the server computes the run
 * from the config, search/filter/sort/pages find the right rows, and every action tried as the
 * wrong user is refused with nothing changed (the database is compared before and after).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { simulate, ENGINE_VERSION } from '@/lib/sim';
import type { SessionUser } from '@/lib/auth/session-user';
import { parseSimConfig, type SimConfig } from '@/lib/validation/sim-config';
import { listQuerySchema, saveExperimentSchema, updateExperimentSchema, compareRefsSchema, PAGE_SIZE } from '@/lib/validation/experiment';
import {
  deleteExperiment,
  forkExperiment,
  getExperiment,
  listExperiments,
  rerunExperiment,
  restoreExperiment,
  saveExperiment,
  updateExperiment,
  UNDO_WINDOW_MS,
} from '@/lib/data/experiments';
import { createShareLink, forkSharedRun, getSharedRun, listShareLinks, revokeShareLink } from '@/lib/data/share-links';
import { getComparison } from '@/lib/data/compare';
import { getOrCreateRun } from '@/lib/data/runs';
import { RUN_BAND_SEEDS } from '@/lib/runs/engine-pool';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let t: TestDatabase;
const u: Record<'alice' | 'bob' | 'teacher' | 'otherTeacher', SessionUser> = {} as never;

const cfg = (over: Record<string, unknown>): SimConfig => {
  const p = parseSimConfig({ scheme: 'he-normal', activation: 'relu', layers: 6, width: 32, samples: 16, ...over });
  if (!p.ok) throw new Error(JSON.stringify(p.errors));
  return p.config;
};
const save = (actor: SessionUser, over: Record<string, unknown>, meta: { title: string; notes?: string; tags?: string }) =>
  saveExperiment(actor, saveExperimentSchema.parse({ config: cfg(over), title: meta.title, notes: meta.notes ?? '', tags: meta.tags ?? '' }));
const q = (over: Record<string, string> = {}) => listQuerySchema.parse(over);

async function makeUser(email: string, role: 'STUDENT' | 'INSTRUCTOR'): Promise<SessionUser> {
  const db = await getDb();
  return db.user.create({ data: { email, name: email.split('@')[0], passwordHash: 'x', role }, select: { id: true, email: true, name: true, role: true } });
}

/** Everything a refused action must leave alone. */
async function snapshot() {
  const db = await getDb();
  return {
    experiments: await db.experiment.findMany({ orderBy: { id: 'asc' } }),
    links: await db.shareLink.findMany({ orderBy: { id: 'asc' } }),
    runs: await db.run.count(),
  };
}

beforeAll(async () => {
  t = await createTestDatabase();
  u.alice = await makeUser('alice@example.com', 'STUDENT');
  u.bob = await makeUser('bob@example.com', 'STUDENT');
  u.teacher = await makeUser('teacher@example.com', 'INSTRUCTOR');
  u.otherTeacher = await makeUser('other-teacher@example.com', 'INSTRUCTOR');
});
afterAll(() => t?.drop());

describe('saving', () => {
  it('stores the run the server computes from the config, with title, notes and normalized tags', async () => {
    const config = cfg({ scheme: 'xavier-normal', layers: 8 });
    const saved = await saveExperiment(u.alice, saveExperimentSchema.parse({ config, title: '  Xavier ReLU  ', notes: '**deep**', tags: 'ReLU, vanishing,relu' }));
    const got = await getExperiment(u.alice, saved.id);
    expect(got).not.toBeNull();
    expect(got!.title).toBe('Xavier ReLU');
    expect(got!.tags).toEqual(['relu', 'vanishing']);
    const direct = simulate(config, { bandSeeds: RUN_BAND_SEEDS });
    expect(got!.run.engineVersion).toBe(ENGINE_VERSION);
    expect(got!.run.result.summary.finalStd).toBe(direct.summary.finalStd);
    expect(got!.run.result.layers.map((l) => l.post?.std)).toEqual(direct.layers.map((l) => l.post?.std));
    expect(got!.outdated).toBe(false);
  });

  it('refuses a bad config, a missing title and too many tags before anything is stored', async () => {
    const before = await snapshot();
    expect(saveExperimentSchema.safeParse({ config: { ...cfg({}), layers: 0 }, title: 'x' }).success).toBe(false);
    expect(saveExperimentSchema.safeParse({ config: cfg({}), title: '   ' }).success).toBe(false);
    expect(saveExperimentSchema.safeParse({ config: cfg({}), title: 'x', tags: Array.from({ length: 11 }, (_, i) => `t${i}`).join(',') }).success).toBe(false);
    expect(saveExperimentSchema.safeParse({ config: cfg({}), title: 'x', tags: '<script>' }).success).toBe(false);
    expect(await snapshot()).toEqual(before);
  });

  it('reuses one stored run for the same config', async () => {
    const a = await save(u.alice, { seed: 7 }, { title: 'same A' });
    const b = await save(u.bob, { seed: 7 }, { title: 'same B' });
    const db = await getDb();
    const rows = await db.experiment.findMany({ where: { id: { in: [a.id, b.id] } }, select: { runId: true } });
    expect(rows[0].runId).toBe(rows[1].runId);
  });
});

describe('listing', () => {
  let owner: SessionUser;
  beforeAll(async () => {
    owner = await makeUser('lister@example.com', 'STUDENT');
    await save(owner, { scheme: 'xavier-normal', activation: 'tanh' }, { title: 'Tanh with Xavier', notes: 'slow decay', tags: 'tanh' });
    await save(owner, { scheme: 'he-normal', activation: 'relu', layers: 10 }, { title: 'Kaiming baseline', notes: 'the **stable** one', tags: 'baseline, relu' });
    await save(owner, { scheme: 'lecun-normal', activation: 'selu' }, { title: 'Self-normalizing', tags: 'selu' });
  });

  it('searches title, notes, tags, scheme and activation, case-insensitively', async () => {
    const titles = async (search: string) => (await listExperiments(owner, q({ q: search }))).items.map((i) => i.title).sort();
    expect(await titles('kaiming')).toEqual(['Kaiming baseline']);
    expect(await titles('STABLE')).toEqual(['Kaiming baseline']);
    expect(await titles('baseline')).toEqual(['Kaiming baseline']);
    expect(await titles('lecun')).toEqual(['Self-normalizing']);
    expect(await titles('tanh')).toEqual(['Tanh with Xavier']);
    expect(await titles('xavier-normal')).toEqual(['Tanh with Xavier']);
    expect(await titles('nothing like this')).toEqual([]);
  });

  it('filters by tag, lists the tags, and sorts', async () => {
    const byTag = await listExperiments(owner, q({ tag: 'relu' }));
    expect(byTag.items.map((i) => i.title)).toEqual(['Kaiming baseline']);
    expect(byTag.allTags).toEqual(['baseline', 'relu', 'selu', 'tanh']);
    expect((await listExperiments(owner, q({ sort: 'title' }))).items.map((i) => i.title)).toEqual(['Kaiming baseline', 'Self-normalizing', 'Tanh with Xavier']);
    expect((await listExperiments(owner, q({ sort: 'oldest' }))).items[0].title).toBe('Tanh with Xavier');
    expect((await listExperiments(owner, q({ sort: 'newest' }))).items[0].title).toBe('Self-normalizing');
  });

  it('pages through a few hundred experiments quickly', async () => {
    const many = await makeUser('many@example.com', 'STUDENT');
    const run = await getOrCreateRun(cfg({ seed: 99 }));
    const db = await getDb();
    const N = 320;
    await db.experiment.createMany({
      data: Array.from({ length: N }, (_, i) => ({ ownerId: many.id, title: `Run ${String(i).padStart(3, '0')}`, runId: run.id, tags: i % 2 ? ['odd'] : ['even'] })),
    });
    const timings: number[] = [];
    let last = null;
    for (let k = 0; k < 5; k++) {
      const start = performance.now();
      last = await listExperiments(many, q({ q: 'run 1', sort: 'title', page: '3' }));
      timings.push(performance.now() - start);
    }
    timings.sort((a, b) => a - b);
    console.log(`[experiments] list of ${N} (search + sort + page 3): median ${timings[2].toFixed(1)} ms`);
    // "run 1" is a substring of "Run 100" .. "Run 199" only (titles are zero-padded).
    expect(last!.total).toBe(100);
    expect(last!.pageCount).toBe(Math.ceil(100 / PAGE_SIZE));
    expect(last!.items).toHaveLength(PAGE_SIZE);
    expect(last!.items[0].title).toBe(`Run ${100 + 2 * PAGE_SIZE}`);
    const beyond = await listExperiments(many, q({ page: '999' }));
    expect(beyond.page).toBe(Math.ceil(N / PAGE_SIZE));
  });
});

describe('editing, deleting with undo, forking', () => {
  it('renames and edits notes and tags for the owner', async () => {
    const e = await save(u.alice, { seed: 11 }, { title: 'before' });
    await updateExperiment(u.alice, updateExperimentSchema.parse({ id: e.id, title: 'after', notes: 'new notes', tags: 'a, b' }));
    const got = await getExperiment(u.alice, e.id);
    expect(got).toMatchObject({ title: 'after', notes: 'new notes', tags: ['a', 'b'] });
  });

  it('hides a deleted experiment until undo, and purges it after the undo window', async () => {
    const e = await save(u.alice, { seed: 12 }, { title: 'to delete' });
    await deleteExperiment(u.alice, e.id);
    expect(await getExperiment(u.alice, e.id)).toBeNull();
    expect((await listExperiments(u.alice, q({ q: 'to delete' }))).total).toBe(0);
    await restoreExperiment(u.alice, e.id);
    expect((await getExperiment(u.alice, e.id))?.title).toBe('to delete');

    await deleteExperiment(u.alice, e.id);
    const other = await save(u.alice, { seed: 13 }, { title: 'later' });
    await deleteExperiment(u.alice, other.id, new Date(Date.now() + UNDO_WINDOW_MS + 1000));
    const db = await getDb();
    expect(await db.experiment.count({ where: { id: e.id } })).toBe(0);
    await expect(restoreExperiment(u.alice, e.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('forks into a copy that remembers its origin', async () => {
    const e = await save(u.alice, { seed: 14 }, { title: 'origin', notes: 'n', tags: 'x' });
    const f = await forkExperiment(u.alice, e.id);
    const got = await getExperiment(u.alice, f.id);
    expect(got).toMatchObject({ title: 'origin (fork)', notes: 'n', tags: ['x'], forkedFrom: { id: e.id, title: 'origin' } });
  });
});

describe('engine versions', () => {
  it('flags a run of an older engine and re-runs it with the current one, keeping the old', async () => {
    const db = await getDb();
    const current = await getOrCreateRun(cfg({ seed: 21 }));
    const oldRun = await db.run.create({
      data: {
        engineVersion: '0.9.0',
        configHash: current.configHash,
        config: current.config as never,
        path: current.result.path,
        bandSeeds: current.result.bandSeeds,
        input: current.result.input as never,
        summary: { ...current.result.summary, finalStd: 0.5 } as never,
        layers: current.result.layers as never,
      },
    });
    const old = await db.experiment.create({ data: { ownerId: u.alice.id, title: 'old engine', runId: oldRun.id } });
    const got = await getExperiment(u.alice, old.id);
    expect(got).toMatchObject({ outdated: true });
    expect(got!.run.engineVersion).toBe('0.9.0');

    const fresh = await rerunExperiment(u.alice, old.id);
    const next = await getExperiment(u.alice, fresh.id);
    expect(next!.run.engineVersion).toBe(ENGINE_VERSION);
    expect(next!.run.id).toBe(current.id);
    expect(next!.outdated).toBe(false);
    expect(next!.forkedFrom).toEqual({ id: old.id, title: 'old engine' });
    const kept = await getExperiment(u.alice, old.id);
    expect(kept!.run.id).toBe(oldRun.id);
    await expect(rerunExperiment(u.alice, fresh.id)).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('share links', () => {
  it('gives read-only access to one snapshot with a 256-bit token, until revoked', async () => {
    const e = await save(u.alice, { seed: 31 }, { title: 'shared', notes: 'look' });
    const link = await createShareLink(u.alice, e.id);
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(link.token, 'base64url')).toHaveLength(32);
    const other = await createShareLink(u.alice, e.id);
    expect(other.token).not.toBe(link.token);

    await updateExperiment(u.alice, updateExperimentSchema.parse({ id: e.id, title: 'renamed later', notes: 'changed' }));
    const shared = await getSharedRun(link.token);
    expect(shared).toMatchObject({ title: 'shared', notes: 'look' });
    expect(shared!.run.config.seed).toBe(31);

    expect((await listShareLinks(u.alice, e.id)).map((l) => l.id).sort()).toEqual([link.id, other.id].sort());
    await revokeShareLink(u.alice, link.id);
    expect(await getSharedRun(link.token)).toBeNull();
    expect((await listShareLinks(u.alice, e.id)).map((l) => l.id)).toEqual([other.id]);
    await expect(revokeShareLink(u.alice, link.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('answers null alike for made-up, malformed and deleted-experiment tokens', async () => {
    expect(await getSharedRun('A'.repeat(43))).toBeNull();
    expect(await getSharedRun('short')).toBeNull();
    expect(await getSharedRun({ token: 1 })).toBeNull();
    const e = await save(u.alice, { seed: 32 }, { title: 'deleted later' });
    const link = await createShareLink(u.alice, e.id);
    await deleteExperiment(u.alice, e.id);
    expect(await getSharedRun(link.token)).toBeNull();
    await restoreExperiment(u.alice, e.id);
    expect(await getSharedRun(link.token)).not.toBeNull();
  });

  it("forks a shared run into another user's experiments", async () => {
    const e = await save(u.alice, { seed: 33 }, { title: 'worth a fork', notes: 'see' });
    const link = await createShareLink(u.alice, e.id);
    const f = await forkSharedRun(u.bob, link.token);
    const got = await getExperiment(u.bob, f.id);
    expect(got).toMatchObject({ title: 'worth a fork (fork)', notes: 'see', forkedFrom: null, forkedFromElsewhere: true });
    const db = await getDb();
    const [src, copy] = await Promise.all([db.experiment.findUnique({ where: { id: e.id } }), db.experiment.findUnique({ where: { id: f.id } })]);
    expect(copy!.runId).toBe(src!.runId);
    expect(copy!.ownerId).toBe(u.bob.id);
    await revokeShareLink(u.alice, link.id);
    await expect(forkSharedRun(u.bob, link.token)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('authorization: the wrong user is refused and nothing changes', () => {
  it('refuses every experiment and share action on an experiment that is not yours', async () => {
    const e = await save(u.alice, { seed: 41 }, { title: 'private' });
    const link = await createShareLink(u.alice, e.id);
    const before = await snapshot();

    expect(await getExperiment(u.bob, e.id)).toBeNull();
    expect((await listExperiments(u.bob, q({ q: 'private' }))).total).toBe(0);
    const refusals: [string, () => Promise<unknown>][] = [
      ['update', () => updateExperiment(u.bob, updateExperimentSchema.parse({ id: e.id, title: 'mine now' }))],
      ['delete', () => deleteExperiment(u.bob, e.id)],
      ['restore', () => restoreExperiment(u.bob, e.id)],
      ['fork', () => forkExperiment(u.bob, e.id)],
      ['rerun', () => rerunExperiment(u.bob, e.id)],
      ['share', () => createShareLink(u.bob, e.id)],
      ['revoke', () => revokeShareLink(u.bob, link.id)],
      ['compare', () => getComparison(u.bob, compareRefsSchema.parse([{ kind: 'experiment', id: e.id }, { kind: 'experiment', id: e.id.replace(/.$/, 'z') }]))],
    ];
    for (const [name, fn] of refusals) {
      await expect(fn(), name).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    expect(await listShareLinks(u.bob, e.id)).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses to restore or share a deleted experiment, even for its owner', async () => {
    const e = await save(u.alice, { seed: 42 }, { title: 'gone' });
    await deleteExperiment(u.alice, e.id);
    await expect(createShareLink(u.alice, e.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(restoreExperiment(u.bob, e.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('comparisons', () => {
  it("compares the actor's experiments of different depths, in the order asked", async () => {
    const a = await save(u.alice, { layers: 4, seed: 51 }, { title: 'shallow' });
    const b = await save(u.alice, { layers: 9, scheme: 'xavier-normal', seed: 51 }, { title: 'deeper' });
    const views = await getComparison(u.alice, compareRefsSchema.parse([{ kind: 'experiment', id: b.id }, { kind: 'experiment', id: a.id }]));
    expect(views.map((v) => v.title)).toEqual(['deeper', 'shallow']);
    expect(views.map((v) => v.curve.length)).toEqual([10, 5]);
    const direct = simulate(cfg({ layers: 4, seed: 51 }), { bandSeeds: RUN_BAND_SEEDS });
    expect(views[1].curve.slice(1)).toEqual(direct.layers.map((l) => l.post?.std));
  });

  it('refuses fewer than 2, more than 6 and repeated items', () => {
    const id = 'c'.repeat(25);
    expect(compareRefsSchema.safeParse([{ kind: 'experiment', id }]).success).toBe(false);
    expect(compareRefsSchema.safeParse([{ kind: 'experiment', id }, { kind: 'experiment', id }]).success).toBe(false);
    expect(compareRefsSchema.safeParse(Array.from({ length: 7 }, (_, i) => ({ kind: 'experiment', id: `${id}${i}` }))).success).toBe(false);
  });

  it("lets an instructor compare submissions of their own course only; a student only their own", async () => {
    const db = await getDb();
    const course = await db.course.create({ data: { title: 'Init 101', joinCode: 'INIT-101', instructorId: u.teacher.id } });
    const assignment = await db.assignment.create({
      data: { courseId: course.id, title: 'Keep it stable', prompt: 'p', baseConfig: cfg({}) as never, editableFields: ['scheme'], criteria: [] },
    });
    const runA = await getOrCreateRun(cfg({ scheme: 'he-normal', seed: 61 }));
    const runB = await getOrCreateRun(cfg({ scheme: 'xavier-normal', seed: 61 }));
    const sub = (student: SessionUser, runId: string) =>
      db.submission.create({ data: { assignmentId: assignment.id, studentId: student.id, attempt: 1, runId, criteriaResults: [], passed: true, score: 100 } });
    const s1 = await sub(u.alice, runA.id);
    const s2 = await sub(u.bob, runB.id);
    const refs = compareRefsSchema.parse([{ kind: 'submission', id: s1.id }, { kind: 'submission', id: s2.id }]);

    const views = await getComparison(u.teacher, refs);
    expect(views.map((v) => v.title)).toEqual(['alice, attempt 1', 'bob, attempt 1']);
    expect(views.map((v) => v.config.scheme)).toEqual(['he-normal', 'xavier-normal']);
    expect(views[0].subtitle).toBe('Keep it stable');

    await expect(getComparison(u.otherTeacher, refs)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getComparison(u.alice, refs)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const mine = await save(u.alice, { seed: 62 }, { title: 'mine' });
    const own = await getComparison(u.alice, compareRefsSchema.parse([{ kind: 'submission', id: s1.id }, { kind: 'experiment', id: mine.id }]));
    expect(own.map((v) => v.title)).toEqual(['alice, attempt 1', 'mine']);
  });
});
