/**
 * Layout for every lesson page. KaTeX's stylesheet is loaded here, and only here, because math is
 * rendered to HTML on the server and needs nothing else in the browser.
 */
import 'katex/dist/katex.min.css';

export default function LessonsLayout({ children }: { children: React.ReactNode }) {
  return <div className="pb-16">{children}</div>;
}
