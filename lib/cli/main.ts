/**
 * The `initlab` command line: `initlab simulate [flags]` runs the engine and prints a per-layer
 * table and the summary, or with --json the full SimResult. Flags mirror the config fields in
 * kebab-case; values are validated by the shared zod schema (parseSimConfig), so the ranges live
 * in one place (lib/validation/sim-config.ts). I/O is injected so tests can call runCli directly.
 */
import { describeSummary } from '../present/summary-words';
import { simulate } from '../sim';
import type { SimResult } from '../sim/types';
import {
  ACTIVATIONS,
  decimalFromText,
  DEFAULT_CONFIG,
  FAN_MODES,
  integerFromText,
  LIMITS,
  NORMALIZATIONS,
  parseSimConfig,
  RESIDUALS,
  SCHEMES,
  type SimConfig,
} from '../validation/sim-config';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

type ConfigKey = keyof SimConfig;
type Kind = 'string' | 'integer' | 'number' | 'gain' | 'list';

/** Config flags: flag name -> config field and how to read its value. */
const CONFIG_FLAGS: Record<string, { key: ConfigKey; kind: Kind; help: string }> = {
  scheme: { key: 'scheme', kind: 'string', help: `initialization scheme: ${SCHEMES.join(', ')} (default he-normal)` },
  activation: { key: 'activation', kind: 'string', help: `activation: ${ACTIVATIONS.join(', ')} (default relu)` },
  layers: { key: 'layers', kind: 'integer', help: `number of layers, ${LIMITS.layers.min}-${LIMITS.layers.max} (default 12)` },
  width: { key: 'width', kind: 'integer', help: `input width and default layer width, ${LIMITS.width.min}-${LIMITS.width.max} (default 256)` },
  widths: { key: 'widths', kind: 'list', help: `per-layer output widths, comma-separated, one per layer, each ${LIMITS.width.min}-${LIMITS.width.max}` },
  'fan-mode': { key: 'fanMode', kind: 'string', help: `${FAN_MODES.join(', ')} (default auto)` },
  gain: { key: 'gain', kind: 'gain', help: `default, activation, or a number ${LIMITS.gain.min}-${LIMITS.gain.max} (default default)` },
  'custom-std': { key: 'customStd', kind: 'number', help: `std of the custom scheme, ${LIMITS.customStd.min}-${LIMITS.customStd.max} (default 0.05)` },
  'activation-param': { key: 'activationParam', kind: 'number', help: `leaky ReLU slope, ${LIMITS.activationParam.min}-${LIMITS.activationParam.max} (default 0.01)` },
  'input-std': { key: 'inputStd', kind: 'number', help: `input std, ${LIMITS.inputStd.min}-${LIMITS.inputStd.max} (default 1)` },
  samples: { key: 'samples', kind: 'integer', help: `batch size B, ${LIMITS.samples.min}-${LIMITS.samples.max} (default 64)` },
  seed: { key: 'seed', kind: 'integer', help: `random seed, ${LIMITS.seed.min}-${LIMITS.seed.max} (default 1)` },
  'bias-std': { key: 'biasStd', kind: 'number', help: `bias std, ${LIMITS.biasStd.min}-${LIMITS.biasStd.max} (default 0: no bias)` },
  residual: { key: 'residual', kind: 'string', help: `${RESIDUALS.join(', ')} (default none)` },
  normalization: { key: 'normalization', kind: 'string', help: `${NORMALIZATIONS.join(', ')} (default none)` },
};

const BAND_SEEDS = { min: 1, max: 20 };
const PATHS = ['auto', 'materialized', 'covariance'] as const;

const FLAG_OF_KEY = Object.fromEntries(Object.entries(CONFIG_FLAGS).map(([flag, d]) => [d.key, flag])) as Record<string, string>;

export function helpText(): string {
  const lines = [
    'Usage: initlab simulate [flags]',
    '',
    'Runs the InitLab engine: a stack of fully-connected layers, Monte Carlo forward and backward',
    'passes over several seeds, and the mean-field prediction.',
    '',
    'Config flags (--flag value or --flag=value):',
    ...Object.entries(CONFIG_FLAGS).map(([f, d]) => `  --${f.padEnd(18)} ${d.help}`),
    '',
    'Run flags:',
    `  --${'band-seeds'.padEnd(18)} seeds in the Monte Carlo band, ${BAND_SEEDS.min}-${BAND_SEEDS.max} (default 5)`,
    `  --${'path'.padEnd(18)} ${PATHS.join(', ')} (default auto; networks with a skip or a normalization always run materialized)`,
    `  --${'json'.padEnd(18)} print the full result as JSON`,
    `  --${'no-histograms'.padEnd(18)} leave the per-layer histograms out of the JSON`,
    `  --${'help'.padEnd(18)} show this help`,
    '',
    'Example: initlab simulate --scheme he-normal --activation relu --layers 12 --width 256 --json',
  ];
  return lines.join('\n');
}

class UsageError extends Error {}

interface ParsedArgs {
  input: Record<string, unknown>;
  bandSeeds: number;
  path: (typeof PATHS)[number];
  json: boolean;
  histograms: boolean;
  help: boolean;
}

/** Range of a numeric flag, for messages. */
function rangeOf(flag: string): { min: number; max: number } | undefined {
  if (flag === 'band-seeds') return BAND_SEEDS;
  const key = flag === 'widths' ? 'width' : CONFIG_FLAGS[flag]?.key;
  return key ? (LIMITS as unknown as Record<string, { min: number; max: number } | undefined>)[key] : undefined;
}

/**
 * Flag text to a number: plain decimal only (integerFromText / decimalFromText), so "0x10",
 * "0b11", " 12 ", "Infinity" and "" are refused here with the flag and its range, before any
 * value reaches the schema or sizes anything.
 */
function parseNumber(flag: string, raw: string, integer: boolean): number {
  const v = integer ? integerFromText(raw) : decimalFromText(raw);
  if (Number.isFinite(v)) return v;
  const range = rangeOf(flag);
  const what = integer ? 'a whole number' : 'a number';
  throw new UsageError(`--${flag} must be ${what}${range ? ` between ${range.min} and ${range.max}` : ''} in plain decimal (got "${raw}")`);
}

function parseArgs(args: string[]): ParsedArgs {
  const parsed: ParsedArgs = { input: {}, bandSeeds: 5, path: 'auto', json: false, histograms: true, help: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--')) throw new UsageError(`Unexpected argument "${arg}" (flags start with --; see --help)`);
    const eq = arg.indexOf('=');
    const flag = arg.slice(2, eq === -1 ? undefined : eq);
    const inline = eq === -1 ? undefined : arg.slice(eq + 1);
    if (flag === 'help' || flag === 'json' || flag === 'no-histograms') {
      if (inline !== undefined) throw new UsageError(`--${flag} takes no value`);
      if (flag === 'help') parsed.help = true;
      else if (flag === 'json') parsed.json = true;
      else parsed.histograms = false;
      continue;
    }
    const value = inline ?? args[++i];
    if (value === undefined) throw new UsageError(`--${flag} needs a value`);
    if (flag === 'band-seeds') {
      const v = parseNumber(flag, value, true);
      if (!Number.isInteger(v) || v < BAND_SEEDS.min || v > BAND_SEEDS.max) throw new UsageError(`--band-seeds must be a whole number between ${BAND_SEEDS.min} and ${BAND_SEEDS.max}`);
      parsed.bandSeeds = v;
      continue;
    }
    if (flag === 'path') {
      if (!(PATHS as readonly string[]).includes(value)) throw new UsageError(`--path must be one of: ${PATHS.join(', ')}`);
      parsed.path = value as ParsedArgs['path'];
      continue;
    }
    const def = CONFIG_FLAGS[flag];
    if (!def) throw new UsageError(`Unknown flag --${flag} (see --help)`);
    if (def.key in parsed.input) throw new UsageError(`--${flag} given twice`);
    let v: unknown = value;
    if (def.kind === 'integer' || def.kind === 'number') v = parseNumber(flag, value, def.kind === 'integer');
    else if (def.kind === 'gain') v = value === 'default' || value === 'activation' ? value : parseNumber(flag, value, false);
    else if (def.kind === 'list') {
      // A list longer than any network is refused before it is split into numbers.
      if (value.length > LIMITS.layers.max * 6) throw new UsageError(`--${flag} can list at most ${LIMITS.layers.max} widths`);
      v = value.split(',').map((x) => parseNumber(flag, x, true));
    }
    parsed.input[def.key] = v;
  }
  return parsed;
}

const num = (x: number | null | undefined, w = 10) => {
  const s = x === null || x === undefined ? 'overflow' : !Number.isFinite(x) ? String(x) : x === 0 ? '0' : Math.abs(x) >= 1e4 || Math.abs(x) < 1e-3 ? x.toExponential(3) : x.toPrecision(4);
  return s.padStart(w);
};

const fixed = (x: number | null | undefined) => (x === null || x === undefined ? 'overflow' : x.toPrecision(4));

export function formatTable(r: SimResult): string {
  const head = ['layer', 'width', 'pre mean', 'pre std', 'post std', 'post rms', 'dead', 'satur.', 'grad rms', 'MF pre', 'MF grad'];
  const lines = [head.map((h, i) => h.padStart(i < 2 ? 6 : 10)).join(' ')];
  for (const l of r.layers) {
    lines.push(
      [
        String(l.layer).padStart(6),
        String(l.width).padStart(6),
        num(l.pre?.mean),
        num(l.pre?.std),
        num(l.post?.std),
        num(l.post?.rms),
        num(l.post?.deadFraction),
        num(l.post?.saturatedFraction),
        num(l.gradientNorm),
        num(l.theory.preStd),
        num(l.theory.gradientNorm),
      ].join(' '),
    );
  }
  const s = r.summary;
  const words = describeSummary(s, r.config, r.overflowLayer);
  lines.push(
    '',
    `Scheme:          ${s.scheme} (${s.formula}; Var(W) of layer 1 = ${s.weightVariance.toPrecision(4)})`,
    `Input std:       ${s.inputStd}`,
    `Final std:       ${fixed(s.finalStd)} (post-activation std of layer ${r.layers.length}; mean field ${fixed(s.theoryFinalStd)})`,
    `Final / input:   ${fixed(s.ratio)}`,
    `Signal state:    ${s.signalState}, ${s.perLayerFactor !== null ? `x${s.perLayerFactor.toPrecision(4)} per layer on average` : 'overflowed'}. ${words.stateText}`,
    `Scale:           ${words.thresholdsText}`,
    ...(s.overflowLayer !== null ? [`Overflow:        the signal overflowed at layer ${s.overflowLayer}; later layers have no values ("overflow")`] : []),
    ...(s.gradientOverflowLayer !== null ? [`Overflow:        the gradient overflowed at layer ${s.gradientOverflowLayer} on the backward pass`] : []),
    ...(s.underflowLayer !== null ? [`Underflow:       the signal underflowed to exactly 0 at layer ${s.underflowLayer}`] : []),
    `Symmetry broken: ${s.symmetryBroken ? 'yes' : 'no'}`,
    `Recommended:     ${s.recommendedScheme}. ${s.recommendation}`,
    `Verdict:         ${s.verdict}. ${words.verdictText}`,
    `Engine:          ${r.engineVersion}, ${r.path} path, band over ${r.bandSeeds} seed(s)`,
  );
  return lines.join('\n');
}

/** Runs the command line; returns the exit code (0 ok, 2 usage or validation error). */
export function runCli(argv: string[], io: CliIo): number {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === 'help' || command === '-h') {
    io.out(helpText());
    return command === undefined ? 2 : 0;
  }
  if (command !== 'simulate') {
    io.err(`Unknown command "${command}". Usage: initlab simulate [flags] (see --help)`);
    return 2;
  }
  let args: ParsedArgs;
  try {
    args = parseArgs(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`Error: ${e.message}`);
      return 2;
    }
    throw e;
  }
  if (args.help) {
    io.out(helpText());
    return 0;
  }
  // Unset core fields take the simulator's defaults (He normal, ReLU, 12 x 256).
  const { scheme, activation, layers, width } = DEFAULT_CONFIG;
  const result = parseSimConfig({ scheme, activation, layers, width, ...args.input });
  if (!result.ok) {
    for (const [key, message] of Object.entries(result.errors)) {
      const flag = FLAG_OF_KEY[key];
      io.err(`Error: ${flag ? `--${flag}` : 'config'}: ${message}`);
    }
    return 2;
  }
  const sim = simulate(result.config, { bandSeeds: args.bandSeeds, path: args.path });
  if (args.json) {
    const output = args.histograms ? sim : { ...sim, layers: sim.layers.map(({ histogram: _h, ...l }) => l) };
    io.out(JSON.stringify(output, null, 2));
  } else {
    io.out(formatTable(sim));
  }
  return 0;
}
