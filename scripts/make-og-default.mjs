/**
 * Draws public/og-default.png, the social preview for pages without their own (shared runs draw
 * theirs from the stored curve: app/(public)/share/[token]/opengraph-image.tsx). Uses next/og,
 * so no font or browser is downloaded. Run: node scripts/make-og-default.mjs public/og-default.png
 */
import { ImageResponse } from 'next/og.js';
import React from 'react';
import { writeFileSync } from 'node:fs';
const h = React.createElement;
// Three curves as a teaser: vanishing, stable, exploding (shapes only, no numbers).
const W = 1040, H = 260;
const line = (f) => Array.from({ length: 31 }, (_, i) => `${i ? 'L' : 'M'}${(i / 30 * W).toFixed(1)} ${(H / 2 - f(i) * (H / 2 - 10)).toFixed(1)}`).join(' ');
const el = h('div', { style: { width: '100%', height: '100%', display: 'flex', flexDirection: 'column', background: '#ffffff', padding: '56px 80px', color: '#0f172a' } },
  h('div', { style: { display: 'flex', fontSize: 64, fontWeight: 700 } }, 'InitLab'),
  h('div', { style: { display: 'flex', fontSize: 34, marginTop: 12, color: '#334155' } }, 'See why weight initialization decides whether a deep network trains'),
  h('svg', { width: W, height: H, viewBox: `0 0 ${W} ${H}`, style: { marginTop: 60 } },
    h('line', { x1: 0, x2: W, y1: H / 2, y2: H / 2, stroke: '#94a3b8', strokeWidth: 2, strokeDasharray: '10 8' }),
    h('path', { d: line((i) => Math.min(1, i / 30 * 1.2) ** 1.3), fill: 'none', stroke: '#D55E00', strokeWidth: 6 }),
    h('path', { d: line((i) => 0.03 * Math.sin(i / 2)), fill: 'none', stroke: '#009E73', strokeWidth: 6 }),
    h('path', { d: line((i) => -(Math.min(1, i / 30 * 1.2) ** 1.3)), fill: 'none', stroke: '#0072B2', strokeWidth: 6 }),
  ),
);
const res = new ImageResponse(el, { width: 1200, height: 630 });
writeFileSync(process.argv[2], Buffer.from(await res.arrayBuffer()));
