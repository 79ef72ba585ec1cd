"""The web app's stylesheet and its one small script (citation links, copy buttons, deep links).

The script never reads text from the page to run it: it only follows ``data-anchor`` ids (made of
letters, digits and hyphens by ``qa.render.anchor_id``) and copies ``data-copy`` strings.
"""

from __future__ import annotations

FONT_STACK = [
    "PingFang SC",
    "Hiragino Sans GB",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "WenQuanYi Micro Hei",
    "system-ui",
    "sans-serif",
]

CSS = """
:root { --qa-accent: #b42318; --qa-accent-soft: #fef3f2; --qa-ink: #1f2937; --qa-muted: #5b6472;
        --qa-line: #e5e7eb; --qa-mark: #fff1a8; --qa-focus: #1d4ed8; --qa-cited: #ffeeb0; }
/* "clip" rather than Gradio's "hidden": the reader's table of contents can then stay in view (sticky). */
.gradio-container { max-width: 1180px !important; margin: 0 auto !important; overflow: clip !important; }
/* Narrower page margins on phones (Gradio scopes rules inside @media to its content, so not there). */
.gradio-container .main { padding-left: clamp(8px, 2.5vw, 32px) !important;
  padding-right: clamp(8px, 2.5vw, 32px) !important; }
.qa-answer, .qa-reader, .qa-notice, .qa-placeholder, .qa-banner { overflow-wrap: anywhere; }

/* Keyboard focus is always visible. */
.gradio-container a:focus-visible, .gradio-container button:focus-visible,
.gradio-container input:focus-visible, .gradio-container textarea:focus-visible,
.gradio-container [tabindex]:focus-visible, .gradio-container summary:focus-visible {
  outline: 3px solid var(--qa-focus) !important; outline-offset: 2px; border-radius: 4px;
}

/* Banner */
.qa-banner { padding: 18px 20px; border-radius: 12px; color: #fff;
  background: linear-gradient(135deg, #8f1d14 0%, #b42318 60%, #c2410c 100%); }
.qa-banner h1 { margin: 0 0 6px; font-size: 1.55rem; line-height: 1.3; color: #fff; letter-spacing: .02em; }
.qa-banner p { margin: 0; font-size: .95rem; line-height: 1.6; color: #fde8e4; }
.qa-banner .qa-banner-source { margin-top: 6px; font-size: .85rem; color: #fcd9d3; }

/* Ask row */
#qa-ask-row, #qa-check-row { align-items: flex-end !important; gap: 10px; }
#qa-banner .html-container, #qa-results .html-container, #qa-verdict .html-container,
#qa-reader .html-container { padding-left: 0 !important; padding-right: 0 !important; }
a.qa-cite, a.qa-open, .qa-toc a, a.qa-to-toc { text-align: left !important; }
#qa-ask-btn, #qa-check-btn { min-height: 44px; font-size: 1.05rem; font-weight: 600; }
#qa-question input, #qa-claim textarea { font-size: 1.05rem; }
.qa-options { gap: 10px; }
#qa-part { flex: 1 1 400px !important; }
#qa-part, #qa-k, #qa-trad { width: auto !important; }
#qa-k, #qa-trad { flex: 0 0 auto !important; min-width: 0 !important; }
#qa-part label, #qa-k label { padding: 6px 10px !important; }
#qa-trad { display: flex !important; align-items: center; }
/* The options sit on the page without Gradio's grey form frame (which shows through when they wrap). */
.qa-options > .form { background: transparent !important; border: 0 !important; box-shadow: none !important;
  gap: 4px 16px !important; }

/* Example questions */
.qa-examples-title { margin: 4px 0 2px; font-weight: 600; color: var(--qa-ink); font-size: .95rem; }
.qa-example-group { margin: 10px 0 4px !important; font-size: .85rem; color: var(--qa-muted); font-weight: 600; }
button.qa-example { justify-content: flex-start !important; text-align: left !important; white-space: normal !important;
  height: auto !important; min-height: 36px; line-height: 1.4 !important; font-weight: 400 !important; }
.qa-side-note { font-size: .85rem; color: var(--qa-muted); line-height: 1.6; }
.qa-side-note p { margin: 6px 0; }

/* Results */
.qa-placeholder, .qa-notice { padding: 14px 16px; border-radius: 10px; line-height: 1.7; }
.qa-placeholder { background: #f8fafc; border: 1px dashed #cbd5e1; color: var(--qa-muted); }
.qa-notice-error { background: #fef2f2; border: 1px solid #fca5a5; color: #991b1b; font-weight: 600; }
.qa-notice-info { background: #eff6ff; border: 1px solid #bfdbfe; color: #1e3a8a; }
.qa-notice p, .qa-placeholder p { margin: 0; }
.qa-answer { color: var(--qa-ink); line-height: 1.75; }
.qa-question { margin: 0 0 10px; font-size: 1.1rem; font-weight: 600; display: flex; gap: 10px;
  align-items: baseline; }
.qa-question q { quotes: none; white-space: pre-wrap; }
.qa-q-label { flex: none; display: inline-grid; place-items: center; width: 1.8em; height: 1.8em; border-radius: 50%;
  background: var(--qa-accent); color: #fff; font-size: .85rem; }
.qa-found { margin: 0 0 8px; color: var(--qa-muted); font-size: .92rem; }
.qa-notfound { margin: 0 0 10px; padding: 12px 14px; border-radius: 10px; background: #fffbeb;
  border: 1px solid #fcd34d; }
.qa-notfound p { margin: 0; }
.qa-notfound strong { color: #92400e; }
.qa-reason { margin-top: 4px !important; font-size: .9rem; color: #78350f; }
.qa-hits-title { margin: 14px 0 8px; font-size: 1rem; font-weight: 700; display: flex; gap: 10px;
  align-items: baseline; }
.qa-count { font-size: .85rem; font-weight: 400; color: var(--qa-muted); }
ol.qa-hits { list-style: none; margin: 0; padding: 0; display: grid; gap: 12px; }
li.qa-hit { margin: 0; padding: 14px 16px; border: 1px solid var(--qa-line); border-radius: 12px; background: #fff;
  box-shadow: 0 1px 2px rgba(16, 24, 40, .05); }
.qa-hit-head { display: flex; gap: 10px; align-items: flex-start; }
.qa-rank { flex: none; display: inline-grid; place-items: center; min-width: 1.8em; height: 1.8em; border-radius: 8px;
  background: #f1f5f9; color: #334155; font-weight: 700; font-size: .9rem; }
a.qa-cite { color: #1e40af; text-decoration: underline; text-decoration-color: #93c5fd; text-underline-offset: 3px;
  font-weight: 600; line-height: 1.5; cursor: pointer; }
a.qa-cite:hover { color: #1d4ed8; text-decoration-color: currentColor; }
.qa-badges { display: flex; flex-wrap: wrap; gap: 6px; margin: 8px 0 0 calc(1.8em + 10px); }
.qa-badges:empty { display: none; }
.qa-conf, .qa-part { display: inline-block; padding: 1px 9px; border-radius: 999px; font-size: .8rem;
  line-height: 1.7; }
.qa-conf-high { background: #dcfce7; color: #166534; }
.qa-conf-medium { background: #fef9c3; color: #854d0e; }
.qa-conf-low { background: #f1f5f9; color: #475569; }
.qa-part { background: var(--qa-accent-soft); color: #912018; }
blockquote.qa-text { margin: 10px 0 0; padding: 2px 0 2px 14px; border-left: 3px solid #e2e8f0; font-size: 1rem;
  color: #1f2937; white-space: pre-wrap; quotes: none; }
mark.qa-mark { background: var(--qa-mark); color: inherit; padding: 1px 2px; border-radius: 3px;
  box-shadow: inset 0 -2px 0 #facc15; }
.qa-actions { display: flex; flex-wrap: wrap; gap: 10px; align-items: center; margin-top: 10px; }
.qa-actions a.qa-open { font-size: .88rem; color: #1e40af; }
button.qa-copy { font-size: .88rem; padding: 4px 12px; min-height: 32px; border-radius: 8px; cursor: pointer;
  border: 1px solid #cbd5e1; background: #fff; color: #334155; }
button.qa-copy:hover { background: #f8fafc; border-color: #94a3b8; }
button.qa-copy.qa-copied { background: #dcfce7; border-color: #86efac; color: #166534; }
.qa-copy-status { font-size: .8rem; color: #166534; }
.qa-empty { color: var(--qa-muted); }

/* Fact check */
.qa-verdict { margin: 0 0 10px; padding: 12px 16px; border-radius: 10px; border: 1px solid; }
.qa-verdict p { margin: 0; }
.qa-verdict-label { font-size: 1.15rem; font-weight: 700; }
.qa-verdict-why { margin-top: 4px !important; }
.qa-verdict-ok { background: #f0fdf4; border-color: #86efac; color: #14532d; }
.qa-verdict-bad { background: #fef2f2; border-color: #fca5a5; color: #7f1d1d; }
.qa-verdict-none { background: #f8fafc; border-color: #cbd5e1; color: #334155; }
.qa-table-wrap { overflow-x: auto; max-width: 100%; }
table.qa-compare { width: 100%; border-collapse: collapse; font-size: .92rem; margin: 6px 0; }
table.qa-compare caption { text-align: left; font-weight: 700; padding: 4px 0; }
table.qa-compare th, table.qa-compare td { border: 1px solid var(--qa-line); padding: 6px 8px; text-align: left;
  vertical-align: top; }
table.qa-compare th { background: #f8fafc; }
.qa-compare-why { display: block; color: var(--qa-muted); font-size: .85rem; line-height: 1.5; }
.qa-fig { display: block; font-weight: 700; font-size: 1rem; }
.qa-fig-part { display: block; color: var(--qa-muted); font-size: .8rem; }
a.qa-fig-link { font-size: .82rem; color: #1e40af; white-space: nowrap; display: inline-block; }
.qa-fig-none { color: var(--qa-muted); }
.qa-outcome { font-weight: 700; }
tr.qa-outcome-ok .qa-outcome { color: #166534; }
tr.qa-outcome-bad .qa-outcome { color: #b91c1c; }
tr.qa-outcome-none .qa-outcome { color: #475569; }

/* Reader */
.qa-reader { color: var(--qa-ink); line-height: 1.9; }
.qa-doc-header { text-align: center; padding: 8px 0 14px; border-bottom: 2px solid var(--qa-accent);
  margin-bottom: 16px; }
.qa-doc-title { font-size: 1.35rem; line-height: 1.5; margin: 0 0 8px; color: #111827; }
.qa-doc-meta { display: flex; flex-wrap: wrap; justify-content: center; gap: 4px 18px; margin: 0;
  color: var(--qa-muted); font-size: .9rem; }
.qa-doc-meeting, .qa-doc-speaker { margin: 4px 0 0; color: #374151; }
.qa-reader-grid { display: grid; grid-template-columns: minmax(0, 1fr); gap: 18px; }
@media (min-width: 960px) {
  .qa-reader-grid { grid-template-columns: 260px minmax(0, 1fr); align-items: start; }
  .qa-toc { position: sticky; top: 12px; max-height: calc(100vh - 24px); overflow-y: auto; }
}
.qa-toc { border: 1px solid var(--qa-line); border-radius: 10px; padding: 8px 12px; background: #fafafa;
  font-size: .9rem; }
.qa-toc summary { cursor: pointer; font-weight: 700; padding: 2px 0; }
.qa-toc ol { list-style: none; margin: 6px 0 0; padding: 0; }
.qa-toc li { margin: 2px 0; line-height: 1.5; }
.qa-toc li.qa-toc-l2 { padding-left: 1em; font-size: .86rem; }
.qa-toc a { color: #1e3a8a; text-decoration: none; display: block; padding: 3px 4px; border-radius: 4px; }
.qa-toc a:hover { background: #eef2ff; }
.qa-doc-body p { margin: 0 0 .9em; text-indent: 2em; }
.qa-doc-body p.qa-note { text-indent: 0; font-size: .93rem; }
.qa-h { scroll-margin-top: 16px; color: #111827; display: flex; flex-wrap: wrap; gap: 4px 12px;
  align-items: baseline; }
.qa-h1 { font-size: 1.18rem; margin: 1.4em 0 .6em; padding-bottom: 4px; border-bottom: 1px solid var(--qa-line); }
.qa-h2 { font-size: 1.04rem; margin: 1.1em 0 .5em; }
a.qa-to-toc { font-size: .78rem; font-weight: 400; color: var(--qa-muted); text-decoration: none; margin-left: auto; }
.qa-topic { font-weight: 700; }
.qa-psg { scroll-margin-top: 80px; border-radius: 4px; transition: background-color .4s; }
.qa-psg:target, .qa-psg.qa-cited { background: var(--qa-cited); box-shadow: 0 0 0 3px var(--qa-cited);
  -webkit-box-decoration-break: clone; box-decoration-break: clone; }
.qa-psg:focus { outline: none; }
.qa-psg.qa-cited:focus-visible { outline: 2px solid #f59e0b; }

/* Footer note */
.qa-footer { font-size: .82rem; color: var(--qa-muted); line-height: 1.6; text-align: center; padding: 8px 0; }

/* Phones (inside @media, Gradio prefixes every selector with its content container) */
@media (max-width: 640px) {
  .qa-banner { padding: 14px; border-radius: 10px; }
  .qa-banner h1 { font-size: 1.25rem; }
  li.qa-hit { padding: 12px; }
  .qa-badges { margin-left: 0; }
  blockquote.qa-text { padding-left: 10px; }
  .qa-doc-title { font-size: 1.15rem; }
  .qa-doc-body p { text-indent: 0; }
}
@media (prefers-reduced-motion: reduce) { .qa-psg { transition: none; } }
"""

# Run by each results component once it is on the page (``element`` is the component's root).
# The shared part installs itself once; the listener is per component (event delegation, so it
# keeps working when the component's content is replaced by a new answer).
RESULTS_JS = r"""
if (!window.qaApp) {
  window.qaApp = {
    readerTab() {
      return document.getElementById('qa-tab-reader-button')
        || Array.from(document.querySelectorAll('button[role="tab"]')).find(b => b.textContent.trim() === '阅读报告');
    },
    openInReader(anchor) {
      if (!/^[A-Za-z0-9_-]+$/.test(anchor || '')) return;
      const tab = this.readerTab();
      if (tab && tab.getAttribute('aria-selected') !== 'true') tab.click();
      const started = Date.now();
      const centre = (target) => {
        const r = target.getBoundingClientRect();
        const off = r.top < 0 || r.top > window.innerHeight * 0.6;
        if (off) target.scrollIntoView({block: r.height > window.innerHeight * 0.8 ? 'start' : 'center'});
      };
      const reveal = () => {
        const target = document.getElementById(anchor);
        if (target && target.offsetParent !== null) {
          document.querySelectorAll('.qa-psg.qa-cited').forEach(el => el.classList.remove('qa-cited'));
          target.classList.add('qa-cited');
          target.focus({preventScroll: true});
          centre(target);
          // The reader may still be laying out when it first shows: look again shortly after.
          [120, 400, 900].forEach(ms => setTimeout(() => centre(target), ms));
          try { history.replaceState(null, '', '#' + anchor); } catch (e) {}
          return;
        }
        if (Date.now() - started < 8000) setTimeout(reveal, 40);
      };
      reveal();
    },
    async copy(button) {
      const text = button.getAttribute('data-copy') || '';
      let ok = false;
      try {
        if (navigator.clipboard && window.isSecureContext) { await navigator.clipboard.writeText(text); ok = true; }
      } catch (e) { ok = false; }
      if (!ok) {
        const area = document.createElement('textarea');
        area.value = text;
        area.setAttribute('readonly', '');
        area.style.position = 'fixed'; area.style.top = '-1000px'; area.style.opacity = '0';
        document.body.appendChild(area);
        area.select();
        try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
        area.remove();
        button.focus();
      }
      const status = button.parentElement && button.parentElement.querySelector('.qa-copy-status');
      button.textContent = ok ? '已复制 ✓' : '复制失败';
      button.classList.toggle('qa-copied', ok);
      if (status) status.textContent = ok ? '引用已复制到剪贴板' : '无法访问剪贴板,请手动选择文字复制';
      clearTimeout(button.qaTimer);
      button.qaTimer = setTimeout(() => {
        button.textContent = '复制引用';
        button.classList.remove('qa-copied');
        if (status) status.textContent = '';
      }, 2500);
    },
  };
  // A link to a passage (…/#p-…) opens the reader there.
  const hash = decodeURIComponent((location.hash || '').slice(1));
  if (/^[ph]-[A-Za-z0-9_-]+$/.test(hash)) setTimeout(() => window.qaApp.openInReader(hash), 300);
}
element.addEventListener('click', (event) => {
  const link = event.target.closest('a[data-anchor]');
  if (link && element.contains(link)) {
    event.preventDefault();
    window.qaApp.openInReader(link.getAttribute('data-anchor'));
    return;
  }
  const copy = event.target.closest('button.qa-copy');
  if (copy && element.contains(copy)) window.qaApp.copy(copy);
});
"""

# The reader: table-of-contents links scroll inside the page without leaving the reader tab.
READER_JS = r"""
element.addEventListener('click', (event) => {
  const link = event.target.closest('a[href^="#"]');
  if (!link || !element.contains(link)) return;
  const id = link.getAttribute('href').slice(1);
  const target = document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  target.scrollIntoView({block: 'start', behavior: 'smooth'});
  if (target.hasAttribute('tabindex')) target.focus({preventScroll: true});
  try { history.replaceState(null, '', '#' + id); } catch (e) {}
});
"""
