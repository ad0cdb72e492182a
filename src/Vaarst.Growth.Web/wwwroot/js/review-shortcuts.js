// Review page keyboard shortcuts: S sign off (or re-confirm), C request changes (or revoke), N next item, ? help.
// Keys typed into a field (the comment) or with a modifier are the person's own, never a shortcut.
const keys = new Set(['s', 'c', 'n', '?']);

export function attach(page) {
    const onKeyDown = event => {
        const target = event.target;
        const typing = target instanceof Element && target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], .mud-dialog');
        const key = event.key?.toLowerCase();
        if (typing || event.ctrlKey || event.metaKey || event.altKey || event.repeat || !keys.has(key)) {
            return;
        }

        event.preventDefault();
        page.invokeMethodAsync('OnShortcutAsync', key);
    };
    document.addEventListener('keydown', onKeyDown);
    return { detach: () => document.removeEventListener('keydown', onKeyDown) };
}
