/**
 * Demo data so a newcomer can sign in at once: an instructor, two students, a course with a join
 * code and one assignment. Idempotent (upserts by e-mail and join code). The passwords are
 * documented in the README; they are demo credentials, never for a real deployment.
 */
import type { PrismaClient } from '../generated/prisma/client';
import { hashPassword } from '../auth/password';
import { simConfigSchema } from '../validation/sim-config';
import { exerciseSpecSchema } from '../validation/assignment';

export const DEMO_PASSWORD = 'initlab-demo';
export const DEMO_USERS = [
  { email: 'instructor@example.com', name: 'Ada Instructor', role: 'INSTRUCTOR' as const },
  { email: 'student1@example.com', name: 'Sam Student', role: 'STUDENT' as const },
  { email: 'student2@example.com', name: 'Kim Student', role: 'STUDENT' as const },
];
export const DEMO_JOIN_CODE = 'DEMO-INIT';

const DEMO_ASSIGNMENT = exerciseSpecSchema.parse({
  title: 'Keep a 30-layer ReLU network alive',
  prompt:
    'This 30-layer ReLU network starts with Xavier initialization and its signal fades away. Change the initialization so that the signal neither vanishes nor explodes, then submit.',
  baseConfig: simConfigSchema.parse({ scheme: 'xavier-normal', activation: 'relu', layers: 30, width: 256 }),
  editableFields: ['scheme', 'gain', 'fanMode'],
  criteria: [{ kind: 'signal-state', state: 'stable' }],
});

export async function seedDemoData(db: PrismaClient): Promise<{ users: number; courseId: string }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const users = [];
  for (const u of DEMO_USERS) {
    users.push(await db.user.upsert({ where: { email: u.email }, create: { ...u, passwordHash }, update: {} }));
  }
  const [instructor, ...students] = users;
  const course = await db.course.upsert({
    where: { joinCode: DEMO_JOIN_CODE },
    create: {
      title: 'Deep Learning Foundations (demo)',
      description: 'A demo course: how the scale of the initial weights decides whether a deep network trains.',
      joinCode: DEMO_JOIN_CODE,
      instructorId: instructor.id,
    },
    update: {},
  });
  for (const s of students) {
    await db.enrollment.upsert({
      where: { courseId_studentId: { courseId: course.id, studentId: s.id } },
      create: { courseId: course.id, studentId: s.id },
      update: {},
    });
  }
  const existing = await db.assignment.findFirst({ where: { courseId: course.id, title: DEMO_ASSIGNMENT.title } });
  if (!existing) {
    const now = Date.now();
    await db.assignment.create({
      data: {
        courseId: course.id,
        title: DEMO_ASSIGNMENT.title,
        prompt: DEMO_ASSIGNMENT.prompt,
        baseConfig: DEMO_ASSIGNMENT.baseConfig,
        editableFields: DEMO_ASSIGNMENT.editableFields,
        hiddenFields: DEMO_ASSIGNMENT.hiddenFields,
        criteria: DEMO_ASSIGNMENT.criteria,
        referenceConfig: { ...DEMO_ASSIGNMENT.baseConfig, scheme: 'he-normal' },
        opensAt: new Date(now),
        dueAt: new Date(now + 14 * 86_400_000),
        cutoffAt: new Date(now + 21 * 86_400_000),
        latePenaltyPercent: 20,
        maxAttempts: 5,
        publishedAt: new Date(now),
      },
    });
  }
  return { users: users.length, courseId: course.id };
}
