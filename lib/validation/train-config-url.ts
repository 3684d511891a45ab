/**
 * The training page's spec in a URL query string, the way the simulator keeps its config there:
 * the network under the simulator's own keys (scheme, activation, layers, width, widths, gain,
 * fanMode, customStd, activationParam, biasStd, residual, normalization, seed), and the training
 * fields under dataset, optimizer, lr, steps, batch and compare (the schemes, comma-separated).
 * Missing fields take the training page's defaults; `scheme` alone (a link from the simulator)
 * puts that scheme first in the default comparison. Parsing goes through the shared zod schema.
 */
import { configToSearchParams } from './sim-config-url';
import type { SimConfig } from './sim-config';
import {
  DEFAULT_TRAIN_NETWORK,
  DEFAULT_TRAIN_SCHEMES,
  DEFAULT_TRAIN_SPEC,
  TRAIN_LIMITS,
  parseTrainSpec,
  type TrainSpec,
} from './train-config';

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

const NETWORK_KEYS = ['scheme', 'fanMode', 'gain', 'customStd', 'activation', 'activationParam', 'layers', 'width', 'widths', 'biasStd', 'residual', 'normalization', 'seed'] as const;
const NUMERIC = new Set(['customStd', 'activationParam', 'layers', 'width', 'biasStd', 'seed']);
/** Simulator-only fields a training link leaves out (the data decides the inputs). */
const SIM_ONLY = new Set(['samples', 'inputStd']);

/** Query string for a spec (without '?'); the network's size fields are always written. */
export function trainSpecToSearchParams(spec: TrainSpec): URLSearchParams {
  const params = networkParams(spec.network);
  if (spec.dataset !== DEFAULT_TRAIN_SPEC.dataset) params.set('dataset', spec.dataset);
  if (spec.optimizer !== DEFAULT_TRAIN_SPEC.optimizer) params.set('optimizer', spec.optimizer);
  if (spec.learningRate !== DEFAULT_TRAIN_SPEC.learningRate || spec.optimizer !== DEFAULT_TRAIN_SPEC.optimizer) params.set('lr', String(spec.learningRate));
  if (spec.steps !== DEFAULT_TRAIN_SPEC.steps) params.set('steps', String(spec.steps));
  if (spec.batchSize !== DEFAULT_TRAIN_SPEC.batchSize) params.set('batch', String(spec.batchSize));
  params.set('compare', spec.schemes.join(','));
  return params;
}

function networkParams(network: SimConfig): URLSearchParams {
  const params = configToSearchParams(network);
  for (const key of SIM_ONLY) params.delete(key);
  // Written even when they equal the simulator's defaults: the training page's defaults differ.
  params.set('layers', String(network.layers));
  params.set('width', String(network.width));
  return params;
}

/** The training page for a simulator config: same network, that scheme first in the comparison. */
export function trainHref(network: SimConfig): string {
  return `/train?${networkParams(network).toString()}`;
}

export type TrainUrlParseResult = { ok: true; spec: TrainSpec } | { ok: false; spec: TrainSpec; errors: Record<string, string> };

/** Reads a spec from query parameters; a bad value yields the defaults plus one message per field. */
export function trainSpecFromSearchParams(input: Params): TrainUrlParseResult {
  const get = (k: string): string | undefined => {
    if (input instanceof URLSearchParams) return input.get(k) ?? undefined;
    const v = input[k];
    return Array.isArray(v) ? v[0] : v;
  };
  const network: Record<string, unknown> = { ...DEFAULT_TRAIN_NETWORK };
  for (const key of NETWORK_KEYS) {
    const v = get(key);
    if (v === undefined || v === '') continue;
    if (key === 'widths') network.widths = v.split(',').map((x) => Number(x.trim()));
    else if (NUMERIC.has(key)) network[key] = Number(v);
    else if (key === 'gain') network.gain = v === 'default' || v === 'activation' ? v : Number(v);
    else network[key] = v;
  }
  const raw: Record<string, unknown> = { network };
  const dataset = get('dataset');
  if (dataset) raw.dataset = dataset;
  const optimizer = get('optimizer');
  if (optimizer) raw.optimizer = optimizer;
  const lr = get('lr');
  if (lr) raw.learningRate = Number(lr);
  else if (optimizer === 'adam') raw.learningRate = 0.001;
  const steps = get('steps');
  if (steps) raw.steps = Number(steps);
  const batch = get('batch');
  if (batch) raw.batchSize = Number(batch);
  const compare = get('compare');
  if (compare) raw.schemes = compare.split(',').map((s) => s.trim()).filter(Boolean);
  else {
    // A link from the simulator: its scheme first, then the default comparison's others.
    const first = typeof network.scheme === 'string' ? network.scheme : DEFAULT_TRAIN_SCHEMES[0];
    raw.schemes = [first, ...DEFAULT_TRAIN_SCHEMES.filter((s) => s !== first)].slice(0, TRAIN_LIMITS.schemes.max);
  }
  const parsed = parseTrainSpec(raw);
  if (parsed.ok) return parsed;
  return { ok: false, spec: DEFAULT_TRAIN_SPEC, errors: parsed.errors };
}
