// When a MudBlazor dialog closes, keyboard focus goes back to the control that opened it (WAI-ARIA dialog pattern);
// otherwise it falls to the top of the page and a keyboard user has to find their place again.
const dialogSelector = '.mud-dialog-container';
let opener = null;

document.addEventListener('focusin', event => {
    if (event.target instanceof Element && !event.target.closest(dialogSelector)) {
        opener = event.target;
    }
}, true);

new MutationObserver(mutations => {
    const closed = mutations.some(m => [...m.removedNodes].some(n => n instanceof Element && (n.matches(dialogSelector) || n.querySelector(dialogSelector))));
    if (!closed || document.querySelector(dialogSelector)) {
        return;
    }

    const lost = !document.activeElement || document.activeElement === document.body || !document.activeElement.isConnected;
    if (lost && opener?.isConnected) {
        opener.focus({ preventScroll: true });
    }
}).observe(document.body, { childList: true, subtree: true });
