// Export links (<a data-download href="…csv">) show that they are working: an export of a big organisation can take
// a few seconds, and a plain link gives no feedback until the browser's download starts. The link stays a real link,
// so it still works without script, in a new tab, or with a modifier key.
const busyAttribute = 'aria-busy';

function fileNameFrom(disposition, fallback) {
    const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
    if (encoded) {
        return decodeURIComponent(encoded[1]);
    }

    const plain = /filename="?([^";]+)"?/i.exec(disposition ?? '');
    return plain ? plain[1] : fallback;
}

async function download(link) {
    link.setAttribute(busyAttribute, 'true');
    // The status line beside the link (DownloadButton.razor) tells screen-reader users what is happening.
    const status = link.nextElementSibling?.matches('.download-status') ? link.nextElementSibling : null;
    if (status) {
        status.textContent = "Preparing the download…";
    }

    try {
        const response = await fetch(link.href, { credentials: 'same-origin' });
        if (!response.ok) {
            // Let the browser show the server's own answer (sign-in, not allowed, error page).
            window.location.assign(link.href);
            return;
        }

        const blob = await response.blob();
        const url = URL.createObjectURL(blob);
        const save = document.createElement('a');
        save.href = url;
        save.download = fileNameFrom(response.headers.get('content-disposition'), 'export.csv');
        document.body.appendChild(save);
        save.click();
        save.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
        if (status) {
            status.textContent = 'Download started.';
        }
    } catch {
        window.location.assign(link.href);
    } finally {
        link.removeAttribute(busyAttribute);
    }
}

document.addEventListener('click', event => {
    const link = event.target instanceof Element ? event.target.closest('a[data-download]') : null;
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
        return;
    }

    // Capture phase and preventDefault: Blazor's link interception skips handled clicks.
    event.preventDefault();
    if (link.getAttribute(busyAttribute) !== 'true') {
        download(link);
    }
}, true);
