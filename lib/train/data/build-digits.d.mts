/** Types for build-digits.mjs (the generator of digits-packed.ts). */
export function packDigits(csvGz: Uint8Array): { packed: string; count: number };
export function digitsModuleSource(csvGz: Uint8Array): string;
