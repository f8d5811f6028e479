// Suggestions for the donor field: the form works without this (an email or exact name is enough); with it, people are picked by id.
(() => {
  const input = document.querySelector('[data-people-url]');
  const list = document.getElementById('people-suggestions');
  if (!input || !list) return;
  // Typing in a donor's field chooses that kind of donor, so the radio button never contradicts what was filled in.
  const choose = kind => { document.querySelector(`input[name="Input.DonorKind"][value="${kind}"]`).checked = true; };
  for (const name of ['Input.NewName', 'Input.NewEmail']) document.querySelector(`[name="${name}"]`)?.addEventListener('input', () => choose('new-person'));
  document.querySelector('[name="Input.SponsorId"]')?.addEventListener('change', () => choose('organisation'));
  let timer;
  input.addEventListener('input', () => {
    choose('person');
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const response = await fetch(`${input.dataset.peopleUrl}&q=${encodeURIComponent(input.value)}`, { headers: { Accept: 'application/json' } });
      if (!response.ok) return;
      list.replaceChildren(...(await response.json()).map(label => Object.assign(document.createElement('option'), { value: label })));
    }, 250);
  });
})();
