// Posts: copy buttons, confirmations and the template editor's live preview. Every page works without it.
(() => {
  for (const button of document.querySelectorAll('button[data-copy]')) {
    button.addEventListener('click', async () => {
      const source = document.querySelector(button.dataset.copy);
      if (!source) return;
      const label = button.textContent;
      try {
        await navigator.clipboard.writeText(source.value);
      } catch {
        // Plain http outside localhost has no clipboard API; selecting and copying still works there.
        source.hidden = false;
        source.select();
        document.execCommand('copy');
        if (source.id !== 'markdown') source.hidden = true;
      }
      button.textContent = 'Copied';
      setTimeout(() => { button.textContent = label; }, 1500);
    });
  }

  for (const form of document.querySelectorAll('form[data-confirm]')) {
    form.addEventListener('submit', event => { if (!confirm(form.dataset.confirm)) event.preventDefault(); });
  }

  const editor = document.querySelector('form[data-preview-url]');
  const body = editor?.querySelector('[name="Input.Body"]');
  const target = document.getElementById('template-preview');
  if (!editor || !body || !target) return;
  let timer;
  let pending;
  body.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      pending?.abort();
      pending = new AbortController();
      try {
        const response = await fetch(editor.dataset.previewUrl, {
          method: 'POST', body: new FormData(editor), headers: { 'X-Records-Fragment': 'preview' }, signal: pending.signal,
        });
        target.innerHTML = await response.text();
      } catch (error) {
        if (error.name !== 'AbortError') console.warn('Preview failed', error);
      }
    }, 300);
  });
})();
