// Live preview of a nomination statement: the form works without this; with it, the preview follows the typing.
(() => {
  const form = document.querySelector('form[data-preview-url]');
  const statement = form?.querySelector('[name="Input.Statement"]');
  const target = document.getElementById('statement-preview');
  if (!form || !statement || !target) return;
  let timer;
  let pending;
  statement.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      pending?.abort();
      pending = new AbortController();
      try {
        // The form data carries the antiforgery token; the header asks for the preview fragment alone.
        const response = await fetch(form.dataset.previewUrl, {
          method: 'POST', body: new FormData(form), headers: { 'X-Records-Fragment': 'preview' }, signal: pending.signal,
        });
        // A refused preview (too long, too many) comes back as a message from the server, shown in place of the preview.
        if (response.ok || response.status === 400 || response.status === 429) target.innerHTML = await response.text();
      } catch (error) {
        if (error.name !== 'AbortError') console.warn('Preview failed', error);
      }
    }, 400);
  });
})();
