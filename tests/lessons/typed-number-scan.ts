/**
 * The scanner behind tests/lessons/no-typed-numbers.test.ts: parses lesson sources with the
 * TypeScript compiler and reports every number that looks hand-typed into reader-facing text.
 *
 * What counts as reader-facing text: JSX text, string literals and the literal parts of template
 * strings (TeX in <M t="..."/> included). Template substitutions (`${formatNumber(x)}`) are code,
 * not text, so computed numbers pass. Flagged in text:
 *   - decimals such as 0.85 or 1.2 (results are almost never whole numbers);
 *   - approximate numbers: "≈ 60", "~60", "\approx 0.58", "about 60", "roughly 1/60", "near 2".
 * Flagged in code: decimal numeric literals rendered as JSX children ({0.85}) or anywhere else
 * outside a config/criterion property (`gain: 0.9` is an input, not a result), a comparison
 * (a grading threshold) or an SVG presentation attribute (strokeOpacity={0.6}).
 * Whole numbers in text are allowed: they are depths, widths, counts and exact maths (2/n, 5/3).
 */
import ts from 'typescript';

/** Tokens allowed in text, each with the reason it is not a simulation result. */
export const ALLOWED_TEXT_NUMBERS: Record<string, string> = {
  '0.01': 'the std of the "small random" scheme, N(0, 0.01²): part of its definition, an input',
};

/** Property names whose numeric values are inputs (config fields, criterion thresholds). */
const INPUT_PROPERTIES = new Set([
  'customStd', 'activationParam', 'layers', 'width', 'inputStd', 'samples', 'seed', 'biasStd', 'gain',
  'min', 'max', 'factor', 'relTolerance',
]);

/** JSX attributes that hold presentation values or URLs, not prose. */
const NON_PROSE_ATTRIBUTES = new Set([
  'className', 'href', 'id', 'key', 'viewBox', 'd', 'points', 'strokeDasharray', 'fill', 'stroke', 'strokeWidth',
  'strokeOpacity', 'fillOpacity', 'fontSize', 'textAnchor', 'refX', 'refY', 'markerWidth', 'markerHeight', 'orient',
  'markerEnd', 'x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'r', 'rx', 'width', 'height', 'role', 'type', 'name',
  'inputMode', 'step', 'rel', 'data-testid', 'htmlFor',
]);

const DECIMAL = /(?<![\w.])\d+\.\d+(?![\w])/g;
/**
 * An approximate marker followed by a number. A number glued to a symbol ("\approx 2\,\mathbb{E}",
 * "≈ 2n") is a coefficient in a derivation, not a quoted result, and is let through.
 */
const APPROX = /(≈|~|\\approx|\bapprox(?:imately)?\b|\babout\b|\baround\b|\broughly\b|\bnearly\b|\bnear\b)\s*((?:1\/)?\d+(?:\.\d+)?)(?![\d\\{(a-zA-Z^_/])/gi;

export interface Finding {
  file: string;
  line: number;
  text: string;
  reason: string;
}

function inNonProseAttribute(node: ts.Node): boolean {
  for (let p: ts.Node | undefined = node.parent; p; p = p.parent) {
    if (ts.isJsxAttribute(p)) return NON_PROSE_ATTRIBUTES.has(p.name.getText());
    if (ts.isJsxElement(p) || ts.isJsxSelfClosingElement(p) || ts.isBlock(p)) return false;
  }
  return false;
}

const COMPARISONS = new Set([
  ts.SyntaxKind.LessThanToken, ts.SyntaxKind.GreaterThanToken, ts.SyntaxKind.LessThanEqualsToken, ts.SyntaxKind.GreaterThanEqualsToken,
]);

/** A literal inside a comparison (`ratio > 1.5`, `q < 1 / 1.5`) is a grading threshold, never shown. */
function inComparison(node: ts.Node): boolean {
  for (let p: ts.Node = node.parent; p && (ts.isBinaryExpression(p) || ts.isParenthesizedExpression(p) || ts.isPrefixUnaryExpression(p)); p = p.parent) {
    if (ts.isBinaryExpression(p) && COMPARISONS.has(p.operatorToken.kind)) return true;
  }
  return false;
}

function isModuleSpecifier(node: ts.Node): boolean {
  return ts.isImportDeclaration(node.parent) || ts.isExportDeclaration(node.parent) || ts.isExternalModuleReference(node.parent);
}

function scanText(text: string): { token: string; reason: string }[] {
  const out: { token: string; reason: string }[] = [];
  for (const m of text.matchAll(DECIMAL)) {
    if (!(m[0] in ALLOWED_TEXT_NUMBERS)) out.push({ token: m[0], reason: 'decimal number typed into text' });
  }
  for (const m of text.matchAll(APPROX)) {
    if (!(m[2] in ALLOWED_TEXT_NUMBERS)) out.push({ token: m[0], reason: 'approximate number typed into text' });
  }
  return out;
}

export function scanSource(file: string, source: string): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const findings: Finding[] = [];
  const report = (node: ts.Node, text: string, reason: string) =>
    findings.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, text, reason });

  const visit = (node: ts.Node) => {
    // Comments are not part of the AST, so header comments explaining thresholds are not scanned.
    if (ts.isJsxText(node)) {
      for (const f of scanText(node.text)) report(node, f.token, f.reason);
    } else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (!isModuleSpecifier(node) && !inNonProseAttribute(node)) for (const f of scanText(node.text)) report(node, f.token, f.reason);
    } else if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      if (!inNonProseAttribute(node)) for (const f of scanText(node.text)) report(node, f.token, f.reason);
    } else if (ts.isNumericLiteral(node) && /[.eE]/.test(node.getText(sf))) {
      const p = node.parent;
      const isInput = (ts.isPropertyAssignment(p) && INPUT_PROPERTIES.has(p.name.getText(sf))) || inNonProseAttribute(node) || inComparison(node);
      if (!isInput) report(node, node.getText(sf), 'decimal literal outside a config input');
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return findings;
}
