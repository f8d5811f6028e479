// Shows only the chosen program's packages and fills in the package's price and currency.
(() => {
    const form = document.querySelector("[data-sponsorship-form]");
    if (!form) return;
    const program = form.querySelector("[data-program]");
    const pkg = form.querySelector("[data-package]");
    const fee = form.querySelector("[data-fee]");
    const currency = form.querySelector("[data-currency]");
    const showPackages = () => {
        for (const group of pkg.querySelectorAll("optgroup")) {
            const mine = group.dataset.programId === program.value;
            group.hidden = !mine;
            group.disabled = !mine;
        }
        const chosen = pkg.selectedOptions[0];
        if (chosen && chosen.parentElement.disabled) pkg.value = "";
    };
    program.addEventListener("change", showPackages);
    pkg.addEventListener("change", () => {
        const chosen = pkg.selectedOptions[0];
        if (!chosen || !chosen.dataset.price) return;
        fee.placeholder = chosen.dataset.price;
        currency.value = chosen.dataset.currency;
    });
    showPackages();
})();
