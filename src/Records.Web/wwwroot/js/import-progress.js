// Polls the running import and moves its progress bar; reloads the page once the job has finished.
(function () {
    var box = document.querySelector('[data-import-progress]');
    if (!box) return;
    var bar = box.querySelector('progress');
    var text = box.querySelector('[data-progress-text]');
    // A navigation asked for while the page is still loading can be dropped by the browser (and it cancels the meta
    // refresh), so the page asks again until it is replaced by the finished one.
    function finish() {
        window.location.replace(window.location.href);
        setTimeout(finish, 2000);
    }
    function poll() {
        fetch(box.getAttribute('data-import-progress'), { headers: { 'Accept': 'application/json' } })
            // Anything but the job's JSON (gone after a restart, a sign-in page, an error page) ends the polling: the
            // reloaded page says what happened instead of "Checking" for ever.
            .then(function (r) { return r.ok && (r.headers.get('Content-Type') || '').indexOf('json') >= 0 ? r.json() : null; })
            .then(function (p) {
                if (!p || !p.running) { finish(); return; }
                bar.max = p.totalBytes || 1;
                bar.value = p.bytesRead;
                text.textContent = (p.rowsRead === 1 ? '1 row' : p.rowsRead.toLocaleString('en-US') + ' rows') + ' read, ' + Math.round(100 * p.bytesRead / (p.totalBytes || 1)) + '% of the file';
                setTimeout(poll, 500);
            })
            .catch(function () { setTimeout(poll, 2000); });
    }
    function start() { setTimeout(poll, 300); }
    if (document.readyState === 'complete') start(); else window.addEventListener('load', start);
})();
