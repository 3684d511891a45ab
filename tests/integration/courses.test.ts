/** Course lists show each user only their own courses, and join codes only to the instructor. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { listCoursesForUser } from '@/lib/data/courses';
import { seedDemoData, DEMO_USERS, DEMO_JOIN_CODE } from '@/lib/db/seed';
import type { SessionUser } from '@/lib/auth/session-user';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let t: TestDatabase;
const users: Record<string, SessionUser> = {};
beforeAll(async () => {
  t = await createTestDatabase();
  const db = await getDb();
  await seedDemoData(db);
  await seedDemoData(db); // idempotent
  for (const u of await db.user.findMany({ select: { id: true, email: true, name: true, role: true } })) users[u.email] = u;
  users.outsider = await db.user.create({
    data: { email: 'outsider@example.com', name: 'Out', passwordHash: 'x', role: 'STUDENT' },
    select: { id: true, email: true, name: true, role: true },
  });
});
afterAll(() => t?.drop());

describe('demo data and course lists', () => {
  it('seeds one instructor, two students, one course with its join code and one assignment, once', async () => {
    const db = await getDb();
    expect(await db.user.count({ where: { email: { in: DEMO_USERS.map((u) => u.email) } } })).toBe(3);
    expect(await db.course.count()).toBe(1);
    expect(await db.enrollment.count()).toBe(2);
    expect(await db.assignment.count()).toBe(1);
  });

  it("shows the instructor their course with its join code and roster size", async () => {
    const [course] = await listCoursesForUser(users['instructor@example.com']);
    expect(course).toMatchObject({ joinCode: DEMO_JOIN_CODE, studentCount: 2, assignmentCount: 1 });
  });

  it('shows an enrolled student the course without the join code', async () => {
    const list = await listCoursesForUser(users['student1@example.com']);
    expect(list).toHaveLength(1);
    expect(list[0].joinCode).toBeNull();
  });

  it('shows a student who is not enrolled nothing', async () => {
    expect(await listCoursesForUser(users.outsider)).toEqual([]);
  });
});
