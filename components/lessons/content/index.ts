/**
 * Lesson bodies by slug. The registry (lib/lessons/registry.ts) holds the metadata; this map
 * holds the JSX. A test checks the two list the same slugs.
 */
import type { LessonSection } from '../lesson-layout';
import { sections as whyInitializationMatters } from './why-initialization-matters';
import { sections as xavierGlorot } from './xavier-glorot';
import { sections as heKaiming } from './he-kaiming';
import { sections as zeroAndConstantInit } from './zero-and-constant-init';
import { sections as activationByActivation } from './activation-by-activation';
import { sections as normalizationAndResiduals } from './normalization-and-residuals';
import { sections as initializationInTraining } from './initialization-in-training';
import { sections as debuggingChecklist } from './debugging-checklist';
import { sections as faq } from './faq';

export const LESSON_CONTENT: Record<string, LessonSection[]> = {
  'why-initialization-matters': whyInitializationMatters,
  'xavier-glorot': xavierGlorot,
  'he-kaiming': heKaiming,
  'zero-and-constant-init': zeroAndConstantInit,
  'activation-by-activation': activationByActivation,
  'normalization-and-residuals': normalizationAndResiduals,
  'initialization-in-training': initializationInTraining,
  'debugging-checklist': debuggingChecklist,
  faq,
};
