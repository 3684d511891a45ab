/**
 * A worked-example table computed by the engine while the static page is generated. Each row's
 * config is a "try it" link too, so any cell can be reproduced in the simulator.
 */
import Link from 'next/link';
import { computeWorkedExample, type WorkedExampleId } from '@/lib/lessons/worked-examples';
import { simulatorHref } from '@/lib/validation/sim-config-url';
import { describeConfig } from '@/lib/lessons/describe-config';

export function WorkedExample({ id }: { id: WorkedExampleId }) {
  const { spec, cells } = computeWorkedExample(id);
  return (
    <figure className="my-6" data-testid={`worked-example-${id}`}>
      <div className="relative overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-700" tabIndex={0} role="region" aria-label={`Table: ${spec.caption}`}>
        <table className="w-full min-w-[20rem] border-collapse text-left text-sm">
          <caption className="sr-only">{spec.caption}</caption>
          <thead className="bg-slate-100 text-slate-900 dark:bg-slate-800 dark:text-slate-100">
            <tr>
              <th scope="col" className="px-3 py-2 font-semibold">{spec.rowHeader}</th>
              {spec.columns.map((c) => (
                <th key={c.label} scope="col" className="px-3 py-2 text-right font-semibold">{c.label}</th>
              ))}
              <th scope="col" className="px-3 py-2 font-semibold"><span className="sr-only">Open in simulator</span></th>
            </tr>
          </thead>
          <tbody>
            {spec.rows.map((row, r) => (
              <tr key={row.label} className="border-t border-slate-200 dark:border-slate-700">
                <th scope="row" className="px-3 py-2 font-medium text-slate-900 dark:text-slate-100">{row.label}</th>
                {cells[r].map((cell, c) => (
                  <td key={c} data-value={cell.value} className="px-3 py-2 text-right font-mono tabular-nums text-slate-800 dark:text-slate-200">
                    {cell.text}
                  </td>
                ))}
                <td className="px-3 py-2">
                  <Link
                    href={simulatorHref(cells[r][0].config)}
                    className="text-blue-700 underline underline-offset-2 hover:text-blue-900 dark:text-blue-300 dark:hover:text-blue-200"
                  >
                    open<span className="sr-only"> {describeConfig(cells[r][0].config)} in the simulator</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <figcaption className="mt-2 text-sm leading-6 text-slate-600 dark:text-slate-400">
        {spec.caption} Computed by the simulation engine when this page was built.
      </figcaption>
    </figure>
  );
}
