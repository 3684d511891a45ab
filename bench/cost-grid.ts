/**
 * A grid of configs over every path and option the cost model counts (schemes of each sampling
 * family, activations, normalization, bias, residuals, alternating widths, batch sizes), for
 * fitting the cost weights (bench/fit-cost.ts) and for the factor-of-3 test (tests/sim/cost.test.ts).
 */
import { covariancePathExact } from '../lib/sim/cost';
import type { EnginePath } from '../lib/sim/network';
import { simConfigSchema, type SimConfig, type SimConfigInput } from '../lib/validation/sim-config';

const base = { activation: 'relu', samples: 64 } as const;
const raw: SimConfigInput[] = [
  // covariance path, Gaussian schemes
  { ...base, scheme: 'he-normal', layers: 12, width: 256 },
  { ...base, scheme: 'he-normal', layers: 30, width: 512 },
  { ...base, scheme: 'xavier-normal', activation: 'tanh', layers: 20, width: 128, samples: 256 },
  { ...base, scheme: 'lecun-normal', activation: 'selu', layers: 40, width: 1024, samples: 32 },
  { ...base, scheme: 'he-normal', activation: 'gelu', layers: 10, width: 256, samples: 512 },
  { ...base, scheme: 'he-normal', layers: 16, width: 64, widths: [32, 512, 32, 512, 32, 512, 32, 512, 32, 512, 32, 512, 32, 512, 32, 512] },
  { ...base, scheme: 'he-normal', layers: 20, width: 256, normalization: 'layernorm', residual: 'plain' },
  { ...base, scheme: 'xavier-normal', activation: 'swish', layers: 24, width: 384, biasStd: 0.1, normalization: 'batchnorm' },
  // materialized path: elementwise schemes
  { ...base, scheme: 'he-uniform', layers: 12, width: 256 },
  { ...base, scheme: 'xavier-uniform', activation: 'tanh', layers: 20, width: 128 },
  { ...base, scheme: 'truncated-normal-he', activation: 'leaky-relu', layers: 10, width: 512, samples: 16 },
  { ...base, scheme: 'lecun-uniform', activation: 'sigmoid', layers: 8, width: 64, samples: 1024 },
  { ...base, scheme: 'he-uniform', layers: 12, width: 64, widths: [16, 1024, 16, 1024, 16, 1024, 16, 1024, 16, 1024, 16, 1024] },
  { ...base, scheme: 'he-uniform', activation: 'gelu', layers: 30, width: 96, residual: 'scaled', normalization: 'layernorm', biasStd: 0.5 },
  { ...base, scheme: 'he-uniform', layers: 3, width: 2048, samples: 128 },
  { ...base, scheme: 'zero', activation: 'tanh', layers: 50, width: 256 },
  { ...base, scheme: 'he-normal', layers: 100, width: 32, samples: 8 },
  // orthogonal: random frame (square, 2B <= n and 2B > n) and materialized (B > n, non-square)
  { ...base, scheme: 'orthogonal', activation: 'tanh', layers: 30, width: 512 },
  { ...base, scheme: 'orthogonal', activation: 'linear', layers: 20, width: 96, samples: 64 },
  { ...base, scheme: 'orthogonal', activation: 'tanh', layers: 10, width: 32, samples: 128 },
  { ...base, scheme: 'orthogonal', layers: 6, width: 256, widths: [512, 256, 512, 256, 512, 256], samples: 32 },
];

export const COST_GRID: SimConfig[] = raw.map((c) => simConfigSchema.parse(c));

/** Every grid config on each path it can take (covariance only where it is exact). */
export const COST_GRID_PATHS: { config: SimConfig; path: EnginePath }[] = COST_GRID.flatMap((config) =>
  covariancePathExact(config) ? [{ config, path: 'materialized' as const }, { config, path: 'covariance' as const }] : [{ config, path: 'materialized' as const }],
);
