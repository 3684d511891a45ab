/**
 * The classic cases a first-time visitor should try, as configs. Each is run by the engine like
 * any other config; nothing here states a result (the page shows what the engine computes).
 */
import type { SimConfigInput } from '@/lib/validation/sim-config';

export interface Preset {
  id: string;
  label: string;
  /** One line on what the preset sets up (not what it shows: that is computed). */
  description: string;
  config: SimConfigInput;
}

export const PRESETS: Preset[] = [
  {
    id: 'relu-he',
    label: 'ReLU + He',
    description: 'He normal, Var(W) = 2/fan_in, 30 ReLU layers.',
    config: { scheme: 'he-normal', activation: 'relu', layers: 30, width: 256 },
  },
  {
    id: 'relu-xavier',
    label: 'ReLU + Xavier',
    description: 'Xavier normal, Var(W) = 1/n for a square layer, 30 ReLU layers.',
    config: { scheme: 'xavier-normal', activation: 'relu', layers: 30, width: 256 },
  },
  {
    id: 'tanh-xavier',
    label: 'tanh + Xavier',
    description: 'Xavier normal with tanh, 30 layers.',
    config: { scheme: 'xavier-normal', activation: 'tanh', layers: 30, width: 256 },
  },
  {
    id: 'zero',
    label: 'Zero init',
    description: 'Every weight exactly 0, tanh, 12 layers.',
    config: { scheme: 'zero', activation: 'tanh', layers: 12, width: 256 },
  },
  {
    id: 'small-random',
    label: 'Small random',
    description: 'Weights from N(0, 0.01²), ReLU, 12 layers.',
    config: { scheme: 'small-random', activation: 'relu', layers: 12, width: 256 },
  },
  {
    id: 'large-random',
    label: 'Large random',
    description: 'Weights from N(0, 1), ReLU, 12 layers.',
    config: { scheme: 'large-random', activation: 'relu', layers: 12, width: 256 },
  },
  {
    id: 'deep-50',
    label: '50-layer net',
    description: 'He normal, ReLU, 50 layers of 256 units.',
    config: { scheme: 'he-normal', activation: 'relu', layers: 50, width: 256 },
  },
];
