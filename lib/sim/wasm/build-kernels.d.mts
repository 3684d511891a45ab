/** Types for build-kernels.mjs (the generator of the engine's wasm kernels). */
export function buildKernels(): Uint8Array;
export function kernelsSource(): string;
