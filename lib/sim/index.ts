/**
 * Public API of the simulation engine. Pure TypeScript: no React, Next, Prisma or node: imports,
 * so the browser, a Web Worker, server actions, the command line and the tests share it.
 */
export { ENGINE_VERSION } from './version';
export { simulate, SimulationCancelled, type SimulateOptions } from './simulate';
export { choosePath, estimatePathCost, estimateRunMs, runCounts, passCounts, countsToNs, COST_WEIGHTS_NS, ACTIVATION_COST, type CostCounts, type CostKind } from './cost';
export { SCHEME_INFO, weightStd, weightVariance, resolveGain, resolveFanMode, describeFormula, isGaussianScheme, type SchemeInfo } from './schemes';
export { ACTIVATION_INFO, SELU_ALPHA, SELU_SCALE, calculateGain, varianceGain, activate, activateDerivative } from './activations';
export { recommendScheme, balancedTanhGain, depthTrend, sigmoidGradientPreservingGain, type Recommendation } from './recommend';
export { meanField, gaussianMoments, type MeanFieldLayer } from './mean-field';
export { SIGNAL_THRESHOLDS, SIGNAL_STATES, classifySignal, perLayerFactor, readSignalState } from './signal-state';
export { judgeChoice, predict, referenceConfig, VERDICT_TOLERANCE, type Verdict } from './verdict';
export { resultDigest } from './digest';
export { erf, erfc } from './erf';
export type * from './types';
