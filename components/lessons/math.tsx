/**
 * KaTeX rendered on the server (at build time for these static pages): the browser receives
 * finished HTML + MathML and no math JavaScript. `throwOnError` is on so a TeX typo fails the
 * build instead of shipping red error text.
 *
 * Write TeX in a JSX attribute string, where backslashes are literal: <M t="\frac{1}{n}" />.
 */
import katex from 'katex';

function render(tex: string, displayMode: boolean): string {
  return katex.renderToString(tex, {
    displayMode,
    throwOnError: true,
    // HTML for sighted readers, MathML for screen readers (KaTeX hides the HTML from them).
    output: 'htmlAndMathml',
    strict: 'error',
  });
}

/** Inline math. KaTeX leaves break points after relations and operators, so long inline formulas wrap on a phone. */
export function M({ t }: { t: string }) {
  return <span dangerouslySetInnerHTML={{ __html: render(t, false) }} />;
}

/**
 * Display math on its own line; wide equations scroll sideways on a phone rather than overflow.
 * The scroll box is focusable so keyboard users can scroll it too (WCAG scrollable-region rule).
 */
export function MathBlock({ t, label = 'Equation' }: { t: string; label?: string }) {
  return (
    <div className="relative my-5 overflow-x-auto overflow-y-hidden py-1" role="group" aria-label={label} tabIndex={0}>
      <div dangerouslySetInnerHTML={{ __html: render(t, true) }} />
    </div>
  );
}
