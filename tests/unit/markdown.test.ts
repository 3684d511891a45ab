import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown } from '@/components/ui/markdown';

const render = (source: string) => renderToStaticMarkup(createElement(Markdown, { source }));

describe('Markdown', () => {
  it('renders Markdown', () => {
    const html = render('**bold** and a [link](https://example.org)');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('href="https://example.org"');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
  });

  it('drops raw HTML and script', () => {
    const html = render('<script>alert(1)</script><img src=x onerror=alert(2)> <b onclick="x()">b</b>');
    expect(html).not.toMatch(/<script|onerror|onclick|<img/i);
  });

  it('neutralises javascript: and data: links', () => {
    for (const url of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x']) {
      const html = render(`[click](${url})`);
      expect(html).not.toMatch(/javascript:|data:|vbscript:/i);
    }
  });

  it('never loads remote images', () => {
    expect(render('![tracker](https://evil.example/p.gif)')).not.toContain('<img');
  });
});
