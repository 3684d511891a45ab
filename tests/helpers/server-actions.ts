/**
 * Finds every server action of the app: each export ending in `Action` of a `'use server'` module
 * in lib/actions/. Tests that must cover all actions (tests/security/actions-fuzz.test.ts,
 * e2e/authorization-matrix.spec.ts) discover them here, so a new action is covered (or the test
 * fails for want of a row) without anyone remembering to add it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const ACTIONS_DIR = path.resolve(import.meta.dirname, '..', '..', 'lib', 'actions');

export interface DiscoveredAction {
  /** e.g. "auth.signUpAction" */
  id: string;
  file: string;
  name: string;
}

const EXPORTED = /export\s+(?:async\s+)?(?:function\s+|const\s+)([A-Za-z0-9_]+Action)\b/g;

/** Statically, from the source text (no import needed). */
export function discoverActions(): DiscoveredAction[] {
  const out: DiscoveredAction[] = [];
  for (const file of readdirSync(ACTIONS_DIR).filter((f) => f.endsWith('.ts')).sort()) {
    const source = readFileSync(path.join(ACTIONS_DIR, file), 'utf8');
    if (!/^\s*(\/\*[\s\S]*?\*\/\s*|\/\/.*\n\s*)*['"]use server['"]/.test(source)) continue;
    for (const m of source.matchAll(EXPORTED)) {
      out.push({ id: `${file.replace(/\.ts$/, '')}.${m[1]}`, file, name: m[1]! });
    }
  }
  return out;
}
