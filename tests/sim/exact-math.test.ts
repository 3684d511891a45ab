/**
 * exact-math.ts: the engine's portable transcendental functions.
 * - Lint: no lib/sim source may call an implementation-approximated Math function (their last bit
 *   differs between V8 versions, e.g. Node 20 and Chromium), nor use `**` with anything but an
 *   integer literal exponent (that is Math.pow). Checked on the TypeScript AST, so comments and
 *   strings do not count and aliasing Math is caught too.
 * - Accuracy: within 1 ulp of Math.* on ~100k inputs per range the engine uses, exact on special
 *   values, and within 1 ulp of the correctly rounded value at high-precision reference points.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ceilLog2, cos, exp, expm1, log, scalbn, tanh } from '../../lib/sim/exact-math';

/** Math members that IEEE-754 / ECMAScript define exactly (or are constants). */
const EXACT_MATH = new Set([
  'sqrt', 'abs', 'floor', 'ceil', 'round', 'trunc', 'min', 'max', 'sign', 'fround', 'imul', 'clz32',
  'PI', 'E', 'SQRT2', 'SQRT1_2', 'LN2', 'LN10', 'LOG2E', 'LOG10E',
]);

/** Forbidden uses of Math in one source file, as "line: text". */
function lintSource(fileName: string, text: string): string[] {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const problems: string[] = [];
  const report = (node: ts.Node, what: string) => {
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
    problems.push(`${fileName}:${line}: ${what}`);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Math') {
      if (!EXACT_MATH.has(node.name.text)) report(node, `Math.${node.name.text}`);
      return; // the Math identifier itself is fine here
    }
    if (ts.isIdentifier(node) && node.text === 'Math') {
      report(node, 'Math used other than as Math.<exact member>');
    }
    if (ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.AsteriskAsteriskToken || node.operatorToken.kind === ts.SyntaxKind.AsteriskAsteriskEqualsToken)) {
      const r = node.right;
      if (!(ts.isNumericLiteral(r) && Number.isInteger(Number(r.text)))) report(node, `** with exponent ${r.getText(sf)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return problems;
}

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return sourcesUnder(p);
    return /\.tsx?$/.test(name) ? [p] : [];
  });
}

describe('lib/sim uses only exactly specified arithmetic', () => {
  it('the lint catches forbidden uses (so the scan below can fail)', () => {
    const bad = [
      'const a = Math.exp(x);',
      'const b = Math["log"](x);',
      'const M = Math; M.tanh(1);',
      'const c = x ** y;',
      'const d = 2 ** 0.5;',
      'let e = 1; e **= k;',
    ];
    for (const src of bad) expect(lintSource('bad.ts', src), src).not.toEqual([]);
    const good = '// Math.exp in a comment\nconst s = "Math.log"; const a = Math.sqrt(Math.abs(x)) + Math.PI + x ** 2;';
    expect(lintSource('good.ts', good)).toEqual([]);
  });

  it('no lib/sim source calls a transcendental Math function or a non-integer power', () => {
    const files = sourcesUnder(path.resolve(import.meta.dirname, '../../lib/sim'));
    expect(files.length).toBeGreaterThan(10);
    const problems = files.flatMap((f) => lintSource(path.relative(process.cwd(), f), readFileSync(f, 'utf8')));
    expect(problems).toEqual([]);
  });
});

const bits = new Float64Array(1);
const words = new BigInt64Array(bits.buffer);

/** Distance in units in the last place (adjacent doubles differ by 1); NaN vs NaN is 0. */
function ulpDistance(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b) ? 0 : Infinity;
  if (a === b) return 0;
  if (Math.sign(a) !== Math.sign(b)) return Infinity;
  bits[0] = a;
  const x = words[0];
  bits[0] = b;
  const y = words[0];
  return Number(x > y ? x - y : y - x);
}

/** A small LCG, so the inputs do not depend on the engine's own generator. */
function inputs(n: number, gen: (u: number) => number): number[] {
  let s = 0x2545f491;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) | 0;
    out.push(gen((s >>> 0) / 4294967296));
  }
  return out;
}

function maxUlp(f: (x: number) => number, ref: (x: number) => number, xs: number[]): { ulp: number; at: number } {
  let worst = { ulp: 0, at: NaN };
  for (const x of xs) {
    const d = ulpDistance(f(x), ref(x));
    if (d > worst.ulp) worst = { ulp: d, at: x };
  }
  return worst;
}

const N = 100_000;
const SPECIAL = [0, -0, 5e-324, -5e-324, 2.2250738585072014e-308, -2.2250738585072014e-308, 1e-300, -1e-300, 1e-20, -1e-20, 1, -1, 0.5, -0.5, 1e300, -1e300, Infinity, -Infinity, NaN];

/** log-uniform magnitudes in [10^lo, 10^hi] with random sign. */
const logUniform = (lo: number, hi: number, signed = true) => (u: number) => {
  const v = 10 ** (lo + (hi - lo) * ((u * 1024) % 1));
  return signed && u < 0.5 ? -v : v;
};
const uniform = (a: number, b: number) => (u: number) => a + (b - a) * u;

const CASES: [string, (x: number) => number, (x: number) => number, [string, (u: number) => number][]][] = [
  ['exp', exp, Math.exp, [['[-745, 710]', uniform(-745, 710)], ['[-3, 3]', uniform(-3, 3)], ['tiny', logUniform(-320, -1)]]],
  ['expm1', expm1, Math.expm1, [['[-40, 710]', uniform(-40, 710)], ['[-1, 1]', uniform(-1, 1)], ['tiny', logUniform(-320, -1)]]],
  ['log', log, Math.log, [['(0, 1e308]', logUniform(-323, 308, false)], ['[0.5, 2]', uniform(0.5, 2)], ['near 1', uniform(1 - 1e-6, 1 + 1e-6)]]],
  ['tanh', tanh, Math.tanh, [['[-25, 25]', uniform(-25, 25)], ['[-1, 1]', uniform(-1, 1)], ['tiny', logUniform(-320, -1)]]],
  ['cos', cos, Math.cos, [['[-4, 4]', uniform(-4, 4)], ['medium', logUniform(0, 6)], ['huge', logUniform(6, 308)]]],
];

describe('exact-math accuracy', () => {
  for (const [name, f, ref, ranges] of CASES) {
    for (const [label, gen] of ranges) {
      it(`${name} is within 1 ulp of Math.${name} on ${label}`, () => {
        expect(maxUlp(f, ref, inputs(N, gen)).ulp).toBeLessThanOrEqual(1);
      });
    }
    it(`${name} agrees with Math.${name} on special values (signed zeros, subnormals, infinities, NaN)`, () => {
      for (const x of SPECIAL) {
        const got = f(x);
        const want = ref(x);
        if (Object.is(got, want)) continue;
        // Finite non-zero results may differ by one ulp; zeros, infinities and NaN must match.
        expect(Number.isFinite(want) && want !== 0, `${name}(${x}) = ${got}, Math gives ${want}`).toBe(true);
        expect(ulpDistance(got, want)).toBeLessThanOrEqual(1);
      }
    });
  }

  it('special values are exactly the IEEE ones', () => {
    expect(exp(-Infinity)).toBe(0);
    expect(exp(Infinity)).toBe(Infinity);
    expect(exp(710)).toBe(Infinity);
    expect(exp(-746)).toBe(0);
    expect(Object.is(expm1(-0), -0)).toBe(true);
    expect(expm1(-Infinity)).toBe(-1);
    expect(expm1(5e-324)).toBe(5e-324);
    expect(log(0)).toBe(-Infinity);
    expect(log(-0)).toBe(-Infinity);
    expect(log(-1)).toBeNaN();
    expect(log(Infinity)).toBe(Infinity);
    expect(log(1)).toBe(0);
    expect(Object.is(tanh(-0), -0)).toBe(true);
    expect(tanh(-Infinity)).toBe(-1);
    expect(tanh(1e-300)).toBe(1e-300);
    expect(cos(Infinity)).toBeNaN();
    expect(cos(-0)).toBe(1);
    for (const f of [exp, expm1, log, tanh, cos]) expect(f(NaN)).toBeNaN();
  });

  // Correctly rounded references computed with 80-digit decimal arithmetic (Python's decimal,
  // Machin's pi for the cosine's reduction).
  const KNOWN: [string, (x: number) => number, number, string][] = [
    ['exp', exp, 1, '2.7182818284590452353602875e+0'],
    ['exp', exp, -0.5, '6.0653065971263342360379953e-1'],
    ['exp', exp, 10, '2.2026465794806716516957901e+4'],
    ['exp', exp, -700, '9.8596765437597708567053729e-305'],
    ['exp', exp, 1e-5, '1.0000100000500001666679014e+0'],
    ['expm1', expm1, 1e-10, '1.0000000000500000364338640e-10'],
    ['expm1', expm1, -0.25, '-2.2119921692859513175482973e-1'],
    ['expm1', expm1, 0.7, '1.0137527074704764321959645e+0'],
    ['expm1', expm1, 30, '1.0686474581523462146990469e+13'],
    ['log', log, 10, '2.3025850929940456840179915e+0'],
    ['log', log, 2, '6.9314718055994530941723212e-1'],
    ['log', log, 1e-300, '-6.9077552789821370518033834e+2'],
    ['log', log, 1.0000001, '9.9999995058387045177516100e-8'],
    ['log', log, 0.7, '-3.5667494393873244235395440e-1'],
    ['tanh', tanh, 0.5, '4.6211715726000975850231848e-1'],
    ['tanh', tanh, 1e-4, '9.9999999666666672792173549e-5'],
    ['tanh', tanh, 3, '9.9505475368673045133188019e-1'],
    ['tanh', tanh, -0.9, '-7.1629787019902443162318109e-1'],
    ['cos', cos, 1, '5.4030230586813971740093661e-1'],
    ['cos', cos, 3, '-9.8999249660044545727157279e-1'],
    ['cos', cos, 100, '8.6231887228768393410193851e-1'],
    ['cos', cos, 1e22, '5.2321478539513894549759447e-1'],
    ['cos', cos, 1e6, '9.3675212753314478693853254e-1'],
  ];
  for (const [name, f, x, value] of KNOWN) {
    it(`${name}(${x}) is within 1 ulp of ${value}`, () => {
      expect(ulpDistance(f(x), Number(value))).toBeLessThanOrEqual(1);
    });
  }

  it('exp(1) is e exactly (correctly rounded)', () => {
    expect(exp(1)).toBe(Math.E);
  });

  it('scalbn and ceilLog2 are exact', () => {
    for (let k = -1074; k <= 1023; k++) {
      const p = scalbn(1, k);
      expect(p).toBe(2 ** k);
      expect(ceilLog2(p)).toBe(k);
      if (k < 1023 && k >= -1022) expect(ceilLog2(p * (1 + Number.EPSILON))).toBe(k + 1);
    }
    expect(ceilLog2(3)).toBe(2);
    expect(ceilLog2(0.75)).toBe(0);
    expect(scalbn(3, -1075)).toBe(1e-323); // 1.5 * 2^-1074 rounds to even
    expect(scalbn(1, 2000)).toBe(Infinity);
  });
});
