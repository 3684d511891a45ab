/**
 * Worked-example tables as data: each cell is (row config + column patch) run through the engine
 * and read with a named measure. The page renders `computeWorkedExample`, and the e2e test calls
 * the same function to compare the rendered table cell by cell — a table cannot hold a typed
 * number because there is nowhere to type one.
 */
import type { SimConfigInput } from '../validation/sim-config';
import { CONFIGS } from './configs';
import { formatNumber } from '../format';
import { formatInverse, formatPercent } from './format';
import { measures, type MeasureName } from './measures';
import { runLessonSim } from './run';

export interface WorkedExampleSpec {
  id: string;
  caption: string;
  rowHeader: string;
  rows: { label: string; config: SimConfigInput }[];
  columns: { label: string; patch?: Partial<SimConfigInput>; measure: MeasureName; format?: 'number' | 'inverse' | 'percent' }[];
}

const depthRows = [4, 12, 20, 50].map((layers) => ({
  label: String(layers),
  config: { scheme: 'he-normal', activation: 'relu', width: 256, seed: 1, layers } satisfies SimConfigInput,
}));

export const WORKED_EXAMPLES = {
  'xavier-vs-he-depth': {
    id: 'xavier-vs-he-depth',
    caption: 'Final-layer std (post-ReLU) for an input of std 1, width 256, seed 1.',
    rowHeader: 'Layers',
    rows: depthRows,
    columns: [
      { label: 'Xavier normal: final std', patch: { scheme: 'xavier-normal' }, measure: 'finalStd' },
      { label: 'Xavier: as a fraction', patch: { scheme: 'xavier-normal' }, measure: 'ratio', format: 'inverse' },
      { label: 'He normal: final std', patch: { scheme: 'he-normal' }, measure: 'finalStd' },
    ],
  },
  'fan-modes': {
    id: 'fan-modes',
    caption: 'A linear pyramid (widths 1024 → 512 → … → 32, each layer halves the width), Xavier normal with each fan mode: this network, and the mean-field prediction for an infinitely wide one.',
    rowHeader: 'Fan mode',
    rows: [
      { label: 'fan_in', config: CONFIGS.pyramidFanIn },
      { label: 'fan_avg (Glorot)', config: CONFIGS.pyramidFanAvg },
      { label: 'fan_out', config: CONFIGS.pyramidFanOut },
    ],
    columns: [
      { label: 'Forward: final/input std', measure: 'ratio' },
      { label: 'Forward, mean field', measure: 'ratioTheory' },
      { label: 'Backward: gradient at layer 1 / at output', measure: 'gradientRatio' },
      { label: 'Backward, mean field', measure: 'gradientRatioTheory' },
    ],
  },
  'sigmoid-gains': {
    id: 'sigmoid-gains',
    caption: 'Sigmoid, Xavier normal with an explicit gain, 20 layers, width 256: forward spread and backward gradient.',
    rowHeader: 'Gain',
    rows: [0.5, 1, 2, 4].map((gain) => ({
      label: String(gain),
      config: { scheme: 'xavier-normal', activation: 'sigmoid', width: 256, layers: 20, seed: 1, gain } satisfies SimConfigInput,
    })),
    columns: [
      { label: 'Final std', measure: 'finalStd' },
      { label: 'Final mean', measure: 'finalMean' },
      { label: 'Saturated units', measure: 'finalSaturated', format: 'percent' },
      { label: 'Gradient at layer 1 / at output', measure: 'gradientRatio' },
    ],
  },
  'residual-depth': {
    id: 'residual-depth',
    caption: 'ReLU + He normal, width 256: final/input std with a plain residual sum and with branches scaled by 1/√L.',
    rowHeader: 'Layers',
    rows: [5, 10, 20, 50].map((layers) => ({
      label: String(layers),
      config: { scheme: 'he-normal', activation: 'relu', width: 256, layers, seed: 1 } satisfies SimConfigInput,
    })),
    columns: [
      { label: 'Plain residual', patch: { residual: 'plain' }, measure: 'ratio' },
      { label: 'Scaled by 1/√L', patch: { residual: 'scaled' }, measure: 'ratio' },
      { label: 'No residual', patch: { residual: 'none' }, measure: 'ratio' },
    ],
  },
} satisfies Record<string, WorkedExampleSpec>;

export type WorkedExampleId = keyof typeof WORKED_EXAMPLES;

export interface WorkedExampleTable {
  spec: WorkedExampleSpec;
  /** cells[row][column]: raw engine value and the text the page prints. */
  cells: { value: number; text: string; config: SimConfigInput }[][];
}

export function cellConfig(spec: WorkedExampleSpec, row: number, column: number): SimConfigInput {
  return { ...spec.rows[row].config, ...spec.columns[column].patch } as SimConfigInput;
}

export function computeWorkedExample(id: WorkedExampleId): WorkedExampleTable {
  const spec: WorkedExampleSpec = WORKED_EXAMPLES[id];
  const cells = spec.rows.map((_, r) =>
    spec.columns.map((col, c) => {
      const config = cellConfig(spec, r, c);
      const value = measures[col.measure](runLessonSim(config));
      const text = col.format === 'inverse' ? formatInverse(value) : col.format === 'percent' ? formatPercent(value) : formatNumber(value);
      return { value, text, config };
    }),
  );
  return { spec, cells };
}
