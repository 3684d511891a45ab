/**
 * User-written Markdown (exercise prompts, experiment notes, feedback), rendered safely: raw HTML
 * is dropped rather than passed through, link and image addresses go through react-markdown's URL
 * filter (javascript:, data: and the like become empty), and links open with
 * rel="noopener noreferrer nofollow" so a student's link can neither script the page nor be
 * used to boost a site. Works in server and client components (no hooks).
 */
import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';

const components: Components = {
  a: ({ href, children }) => (
    <a href={href} rel="noopener noreferrer nofollow" target="_blank" className="text-sky-700 underline dark:text-sky-300">
      {children}
    </a>
  ),
  // No remote images: they would leak the reader's address to whoever wrote the text.
  img: ({ alt }) => <span>{alt ? `[image: ${alt}]` : ''}</span>,
  p: ({ children }) => <p className="my-2 leading-7">{children}</p>,
  ul: ({ children }) => <ul className="my-2 list-disc pl-6">{children}</ul>,
  ol: ({ children }) => <ol className="my-2 list-decimal pl-6">{children}</ol>,
  code: ({ children }) => <code className="rounded bg-slate-100 px-1 font-mono text-sm dark:bg-slate-800">{children}</code>,
  pre: ({ children }) => <pre className="my-2 overflow-x-auto rounded bg-slate-100 p-3 text-sm dark:bg-slate-800">{children}</pre>,
  blockquote: ({ children }) => <blockquote className="my-2 border-l-4 border-slate-300 pl-3 text-slate-700 dark:text-slate-300">{children}</blockquote>,
  table: ({ children }) => (
    <div className="my-2 overflow-x-auto">
      <table className="border-collapse text-sm">{children}</table>
    </div>
  ),
  th: ({ children }) => <th className="border border-slate-300 px-2 py-1 text-left dark:border-slate-600">{children}</th>,
  td: ({ children }) => <td className="border border-slate-300 px-2 py-1 dark:border-slate-600">{children}</td>,
};

export function Markdown({ source, className }: { source: string; className?: string }) {
  return (
    <div className={className}>
      <ReactMarkdown remarkPlugins={[remarkGfm]} skipHtml components={components}>
        {source}
      </ReactMarkdown>
    </div>
  );
}
