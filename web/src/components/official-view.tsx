/**
 * A report rendered by the server (`?to=html`) shown as it is, in the official layout: its styles and
 * body in a shadow root, so they neither leak into the app nor take its styles; scripts dropped.
 */
import { useEffect, useRef } from 'react';

export function OfficialView({ html, label }: { html: string; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const root = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
    const doc = new DOMParser().parseFromString(html, 'text/html');
    for (const s of doc.querySelectorAll('script, iframe, object, embed')) s.remove();
    const styles = [...doc.querySelectorAll('style')].map((s) => s.textContent ?? '').join('\n');
    root.innerHTML = `<style>:host{display:block} .gk-doc{padding:16px 32px;background:#fff;color:#000}\n${styles.replace(/\bbody\b/g, '.gk-doc')}</style><div class="gk-doc">${doc.body.innerHTML}</div>`;
  }, [html]);
  return (
    <section
      ref={host}
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
      tabIndex={0}
      style={{ maxHeight: '72vh', overflow: 'auto', border: '1px solid #e5e6eb' }}
    />
  );
}
