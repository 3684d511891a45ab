'use server';
/**
 * Server actions for experiments and share links: each one is runAction (session, zod, typed
 * result) around one data-layer call that checks the rights itself.
 */
import { revalidatePath } from 'next/cache';
import { runAction } from './action';
import {
  deleteExperiment,
  forkExperiment,
  rerunExperiment,
  restoreExperiment,
  saveExperiment,
  updateExperiment,
} from '../data/experiments';
import { createShareLink, forkSharedRun, revokeShareLink } from '../data/share-links';
import {
  experimentIdSchema,
  saveExperimentSchema,
  shareIdSchema,
  tokenInputSchema,
  updateExperimentSchema,
} from '../validation/experiment';

function changed() {
  revalidatePath('/experiments', 'layout');
}

export async function saveExperimentAction(input: unknown) {
  return runAction({ role: 'signed-in', schema: saveExperimentSchema, input }, async (data, user) => {
    const saved = await saveExperiment(user, data);
    changed();
    return saved;
  });
}

export async function updateExperimentAction(input: unknown) {
  return runAction({ role: 'signed-in', schema: updateExperimentSchema, input }, async (data, user) => {
    await updateExperiment(user, data);
    changed();
    return null;
  });
}

export async function deleteExperimentAction(input: unknown) {
  return runAction({ role: 'signed-in', schema: experimentIdSchema, input }, async ({ id }, user) => {
    await deleteExperiment(user, id);
    changed();
    return null;
  });
}

export async function restoreExperimentAction(input: unknown) {
  return runAction({ role: 'signed-in', schema: experimentIdSchema, input }, async ({ id }, user) => {
    await restoreExperiment(user, id);
    changed();
    return null;
  });
}

export async function forkExperimentAction(input: unknown) {
  return runAction({ role: 'signed-in', schema: experimentIdSchema, input }, async ({ id }, user) => {
    const fork = await forkExperiment(user, id);
    changed();
    return fork;
  });
}

export async function rerunExperimentAction(input: unknown) {
  return runAction({ role: 'signed-in', schema: experimentIdSchema, input }, async ({ id }, user) => {
    const fresh = await rerunExperiment(user, id);
    changed();
    return fresh;
  });
}

export async function createShareLinkAction(input: unknown) {
  return runAction({ role: 'signed-in', schema: experimentIdSchema, input }, async ({ id }, user) => {
    const link = await createShareLink(user, id);
    changed();
    return { id: link.id, token: link.token };
  });
}

export async function revokeShareLinkAction(input: unknown) {
  return runAction({ role: 'signed-in', schema: shareIdSchema, input }, async ({ id }, user) => {
    await revokeShareLink(user, id);
    changed();
    return null;
  });
}

export async function forkSharedRunAction(input: unknown) {
  return runAction({ role: 'signed-in', schema: tokenInputSchema, input }, async ({ token }, user) => {
    const fork = await forkSharedRun(user, token);
    changed();
    return fork;
  });
}
