/**
 * Chart colours: the Okabe–Ito palette (distinguishable with the common colour-vision
 * deficiencies), with lighter variants where the dark background needs more contrast.
 * Roles, not hues, are named so every chart uses the same colour for the same meaning.
 */
export interface ChartPalette {
  current: string;
  theory: string;
  band: string;
  pins: string[];
  axis: string;
  grid: string;
  background: string;
  pre: string;
  post: string;
  dead: string;
  saturated: string;
}

export const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  black: '#000000',
} as const;

export function chartPalette(dark: boolean): ChartPalette {
  return dark
    ? {
        current: OKABE_ITO.skyBlue,
        theory: '#F28C38',
        band: OKABE_ITO.skyBlue,
        // No orange: the mean-field line is orange here (tests/unit/palette.test.ts keeps them apart).
        pins: [OKABE_ITO.bluishGreen, OKABE_ITO.reddishPurple, OKABE_ITO.yellow, '#e2e8f0'],
        axis: '#cbd5e1',
        grid: '#334155',
        background: '#020617',
        pre: OKABE_ITO.skyBlue,
        post: OKABE_ITO.orange,
        dead: OKABE_ITO.reddishPurple,
        saturated: OKABE_ITO.yellow,
      }
    : {
        current: OKABE_ITO.blue,
        theory: OKABE_ITO.vermillion,
        band: OKABE_ITO.blue,
        // No orange: next to the vermillion mean-field line it reads as the same series.
        pins: [OKABE_ITO.bluishGreen, OKABE_ITO.reddishPurple, OKABE_ITO.black, '#8a6d00'],
        axis: '#334155',
        grid: '#e2e8f0',
        background: '#ffffff',
        pre: OKABE_ITO.blue,
        post: OKABE_ITO.orange,
        dead: OKABE_ITO.reddishPurple,
        saturated: '#8a6d00',
      };
}
