/**
 * The engine version stored with every result. Bump it whenever a statistic's definition, the
 * random streams or a default changes, so stored runs stay interpretable (see types.ts).
 */
export const ENGINE_VERSION = '1.3.0';
