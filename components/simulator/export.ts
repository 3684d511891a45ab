/**
 * Exports of a run: the chart as PNG (its SVG serialized and painted on a canvas, with a title
 * and legend added because Recharts draws its legend in HTML), the per-layer numbers as CSV, and
 * a generic text download. Browser-only; called from click handlers.
 */
import type { SimResult } from '@/lib/sim/types';
import type { ChartPalette } from '@/components/charts/palette';
import { describeConfig } from '@/lib/lessons/describe-config';
import type { SimConfig } from '@/lib/validation/sim-config';
import { simulatorHref } from '@/lib/validation/sim-config-url';
import { formatPlain } from './format';

/**
 * The settings that produced an export, in words and as the simulator address that reruns them
 * (the engine is deterministic for a seed, so the address reproduces every number).
 */
export function exportSettings(config: SimConfig, engineVersion: string, origin = ''): { words: string; link: string } {
  return { words: `InitLab engine ${engineVersion}: ${describeConfig(config)}`, link: `${origin}${simulatorHref(config)}` };
}

export function downloadBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: some browsers start the download asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const CSV_COLUMNS = [
  'layer',
  'width',
  'pre_mean',
  'pre_std',
  'pre_rms',
  'post_mean',
  'post_std',
  'post_rms',
  'dead_fraction',
  'saturated_fraction',
  'gradient_norm',
  'theory_pre_std',
  'theory_post_rms',
  'theory_gradient_norm',
  'band_post_std_min',
  'band_post_std_max',
] as const;

/**
 * One row per layer (layer 0 is the input), full precision, after two `#` comment lines naming
 * the settings (pandas: read_csv(path, comment='#'); R: read.csv(path, comment.char='#')).
 */
export function resultToCsv(result: SimResult, origin = ''): string {
  const settings = exportSettings(result.config, result.engineVersion, origin);
  // The comment text is ours, but keep it one line each and free of the CSV separator's quoting needs.
  const clean = (s: string) => s.replace(/[\r\n]+/g, ' ');
  const lines = [`# ${clean(settings.words)}`, `# ${clean(settings.link)}`, CSV_COLUMNS.join(',')];
  const i = result.input;
  lines.push(['0', String(result.config.width), i.mean, i.std, i.rms].map((v) => (typeof v === 'number' ? formatPlain(v) : v)).join(',') + ',,,,,,,,,,,');
  for (const l of result.layers) {
    lines.push(
      [
        l.layer,
        l.width,
        l.pre?.mean ?? null,
        l.pre?.std ?? null,
        l.pre?.rms ?? null,
        l.post?.mean ?? null,
        l.post?.std ?? null,
        l.post?.rms ?? null,
        l.post?.deadFraction ?? null,
        l.post?.saturatedFraction ?? null,
        l.gradientNorm,
        l.theory.preStd,
        l.theory.postRms,
        l.theory.gradientNorm,
        l.band.postStd?.min ?? null,
        l.band.postStd?.max ?? null,
      ]
        .map((v) => formatPlain(v))
        .join(','),
    );
  }
  return lines.join('\n') + '\n';
}

export interface PngOptions {
  title: string;
  /** The settings line printed under the title (exportSettings). */
  settings?: { words: string; link: string };
  legend: { name: string; color: string; dashed?: boolean }[];
  palette: ChartPalette;
  fileName: string;
}

/** Paints the chart's SVG at 2x on a canvas with a title and legend, and downloads it. */
export async function downloadChartPng(container: HTMLElement | null, opts: PngOptions) {
  const svg = container?.querySelector('svg[data-chart]') as SVGSVGElement | null;
  if (!svg) return;
  const { width, height } = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.style.fontFamily = getComputedStyle(document.body).fontFamily;
  const xml = new XMLSerializer().serializeToString(clone);
  const img = new Image();
  const url = URL.createObjectURL(new Blob([xml], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('Could not render the chart image'));
      img.src = url;
    });
    const scale = 2;
    const header = opts.settings ? 70 : 34;
    const legendRow = 18;
    const legendHeight = opts.legend.length * legendRow + 10;
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil((height + header + legendHeight) * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.scale(scale, scale);
    ctx.fillStyle = opts.palette.background;
    ctx.fillRect(0, 0, width, height + header + legendHeight);
    ctx.fillStyle = opts.palette.axis;
    ctx.font = `600 14px ${clone.style.fontFamily}`;
    ctx.fillText(`InitLab · ${opts.title}`, 12, 22);
    if (opts.settings) {
      ctx.font = `11px ${clone.style.fontFamily}`;
      ctx.fillText(opts.settings.words, 12, 40, width - 24);
      ctx.fillText(opts.settings.link, 12, 56, width - 24);
    }
    ctx.drawImage(img, 0, header, width, height);
    ctx.font = `12px ${clone.style.fontFamily}`;
    opts.legend.forEach((item, k) => {
      const y = header + height + 10 + k * legendRow;
      ctx.strokeStyle = item.color;
      ctx.lineWidth = 2.5;
      ctx.setLineDash(item.dashed ? [6, 4] : []);
      ctx.beginPath();
      ctx.moveTo(14, y + 6);
      ctx.lineTo(40, y + 6);
      ctx.stroke();
      ctx.fillStyle = opts.palette.axis;
      ctx.fillText(item.name, 48, y + 10);
    });
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (blob) downloadBlob(blob, opts.fileName);
  } finally {
    URL.revokeObjectURL(url);
  }
}
