// A select marked data-autosubmit sends its form when it changes (the Content-Security-Policy allows no inline handlers).
for (const select of document.querySelectorAll('select[data-autosubmit]')) {
  select.addEventListener('change', () => select.form.submit());
}
