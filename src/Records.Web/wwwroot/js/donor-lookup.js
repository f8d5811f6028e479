// Suggestions for the donor field: the form works without this (an email or exact name is enough); with it, people are picked by id.
(() => {
  const input = document.querySelector('[data-people-url]');
  const list = document.getElementById('people-suggestions');
  if (!input || !list) return;
  let timer;
  input.addEventListener('input', () => {
    document.querySelector('input[name="Input.DonorKind"][value="person"]').checked = true;
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const response = await fetch(`${input.dataset.peopleUrl}&q=${encodeURIComponent(input.value)}`, { headers: { Accept: 'application/json' } });
      if (!response.ok) return;
      list.replaceChildren(...(await response.json()).map(label => Object.assign(document.createElement('option'), { value: label })));
    }, 250);
  });
})();
