// Run by each results component once it is on the page (`element` is the component's root).
// The shared part installs itself once; the listener is per component (event delegation, so it
// keeps working when the component's content is replaced by a new answer).
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
