/** Types for build-gemm.mjs (the generator of the training engine's wasm kernel). */
export function buildGemm(): Uint8Array;
export function gemmSource(): string;
