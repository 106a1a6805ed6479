// Mirrors Blazor's reconnect UI into <html data-circuit="live|reconnecting"> so the header can show the state
// ("Live" itself also requires the layout's interactivity marker, so a circuit that never connects never says Live).
// The built-in reconnect element (#components-reconnect-modal) is shown while the circuit is down; watching it
// keeps Blazor's own reconnect-and-reload behaviour intact.
(() => {
    const root = document.documentElement;
    root.dataset.circuit = "live";
    const update = () => {
        const modal = document.getElementById("components-reconnect-modal");
        const down = !!modal && (modal.classList.contains("components-reconnect-show")
            || modal.classList.contains("components-reconnect-failed")
            || (modal.style.display !== "" && modal.style.display !== "none"));
        root.dataset.circuit = down ? "reconnecting" : "live";
    };
    new MutationObserver(update).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["class", "style"] });
})();
