// Crisis board: keep a wall screen live without anyone touching it.
// Blazor toggles classes on #components-reconnect-modal while the circuit is down; when it gives up
// (failed) we keep retrying, and when the server no longer knows the circuit (rejected, e.g. after a
// restart) we reload the page, which rebuilds the board from the database.
let watching = false;

export function watchReconnect() {
    if (watching) return;
    const modal = document.getElementById('components-reconnect-modal');
    if (!modal) return;
    watching = true;
    const observer = new MutationObserver(async () => {
        if (modal.classList.contains('components-reconnect-rejected')) {
            location.reload();
        } else if (modal.classList.contains('components-reconnect-failed')) {
            setTimeout(async () => {
                try {
                    const ok = await window.Blazor.reconnect();
                    if (!ok) location.reload();
                } catch {
                    location.reload();
                }
            }, 3000);
        }
    });
    observer.observe(modal, { attributes: true, attributeFilter: ['class'] });
}
