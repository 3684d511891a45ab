'use server';
/**
 * The classroom's server actions: each is runAction (session, role, zod) around one data-layer
 * call, which checks the rows' rights itself. Clients refresh their route after a success.
 */
import { z } from 'zod';
import { runAction, formInput } from './action';
import {
  createCourse,
  importRoster,
  joinCourse,
  regenerateJoinCode,
  removePendingEnrollment,
  removeStudent,
  setCourseArchived,
  updateCourse,
} from '../data/courses';
import {
  createAssignment,
  createAssignmentFromTemplate,
  deleteAssignment,
  grantExtension,
  revokeExtension,
  updateAssignment,
} from '../data/assignments';
import { overrideScore, setFeedback, submitAttempt } from '../data/submissions';
import {
  assignmentFormSchema,
  assignmentIdSchema,
  courseIdSchema,
  courseSchema,
  extensionSchema,
  feedbackSchema,
  fromTemplateSchema,
  id,
  joinSchema,
  overrideSchema,
  removeStudentSchema,
  revokeExtensionSchema,
  rosterImportSchema,
  submitSchema,
  updateCourseSchema,
} from '../validation/classroom';

const bool = z.union([z.boolean(), z.enum(['true', 'false'])]).transform((v) => v === true || v === 'true');

export async function createCourseAction(form: unknown) {
  return runAction({ role: 'INSTRUCTOR', schema: courseSchema, input: formInput(form) }, (d, user) => createCourse(user, d));
}

export async function updateCourseAction(form: unknown) {
  return runAction({ role: 'INSTRUCTOR', schema: updateCourseSchema, input: formInput(form) }, (d, user) => updateCourse(user, d));
}

export async function archiveCourseAction(input: unknown) {
  return runAction({ role: 'INSTRUCTOR', schema: z.object({ courseId: id, archived: bool }), input: formInput(input) }, (d, user) =>
    setCourseArchived(user, d.courseId, d.archived),
  );
}

export async function regenerateJoinCodeAction(input: unknown) {
  return runAction({ role: 'INSTRUCTOR', schema: courseIdSchema, input: formInput(input) }, (d, user) => regenerateJoinCode(user, d.courseId));
}

export async function joinCourseAction(form: unknown) {
  return runAction({ role: 'STUDENT', schema: joinSchema, input: formInput(form) }, (d, user) => joinCourse(user, d.joinCode));
}

export async function removeStudentAction(input: unknown) {
  return runAction({ role: 'INSTRUCTOR', schema: removeStudentSchema, input: formInput(input) }, (d, user) => removeStudent(user, d.courseId, d.studentId));
}

export async function importRosterAction(form: unknown) {
  return runAction({ role: 'INSTRUCTOR', schema: rosterImportSchema, input: formInput(form) }, (d, user) => importRoster(user, d.courseId, d.csv));
}

export async function removePendingEnrollmentAction(input: unknown) {
  return runAction(
    { role: 'INSTRUCTOR', schema: z.object({ courseId: id, email: z.string().trim().min(3).max(254).regex(/^[^\s\u0000-\u001f\u007f]+$/) }), input: formInput(input) },
    (d, user) => removePendingEnrollment(user, d.courseId, d.email),
  );
}

const saveAssignmentSchema = z.intersection(assignmentFormSchema, z.object({ assignmentId: id.optional().or(z.literal('').transform(() => undefined)) }));

/** Creates an exercise, or updates it when the form carries its id; `intent` may publish it. */
export async function saveAssignmentAction(form: unknown) {
  return runAction({ role: 'INSTRUCTOR', schema: saveAssignmentSchema, input: formInput(form) }, (d, user) =>
    d.assignmentId ? updateAssignment(user, d.assignmentId, d) : createAssignment(user, d),
  );
}

export async function createFromTemplateAction(input: unknown) {
  return runAction({ role: 'INSTRUCTOR', schema: fromTemplateSchema, input: formInput(input) }, (d, user) =>
    createAssignmentFromTemplate(user, d.courseId, d.templateId),
  );
}

export async function deleteAssignmentAction(input: unknown) {
  return runAction({ role: 'INSTRUCTOR', schema: assignmentIdSchema, input: formInput(input) }, (d, user) => deleteAssignment(user, d.assignmentId));
}

export async function grantExtensionAction(form: unknown) {
  return runAction({ role: 'INSTRUCTOR', schema: extensionSchema, input: formInput(form) }, (d, user) =>
    grantExtension(user, { assignmentId: d.assignmentId, studentId: d.studentId, dueAt: d.dueAt!, cutoffAt: d.cutoffAt }),
  );
}

export async function revokeExtensionAction(input: unknown) {
  return runAction({ role: 'INSTRUCTOR', schema: revokeExtensionSchema, input: formInput(input) }, (d, user) => revokeExtension(user, d.assignmentId, d.studentId));
}

/** The student's answer: only the config, prediction and explanation are taken from the browser. */
export async function submitAttemptAction(input: unknown) {
  return runAction({ role: 'STUDENT', schema: submitSchema, input }, (d, user) => submitAttempt(user, d));
}

export async function setFeedbackAction(form: unknown) {
  return runAction({ role: 'INSTRUCTOR', schema: feedbackSchema, input: formInput(form) }, (d, user) => setFeedback(user, d.submissionId, d.feedback));
}

export async function overrideScoreAction(form: unknown) {
  return runAction({ role: 'INSTRUCTOR', schema: overrideSchema, input: formInput(form) }, (d, user) => overrideScore(user, d.submissionId, d.score, d.reason));
}
