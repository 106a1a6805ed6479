// Drives the reconnect banner from Blazor's reconnect events (.NET 10). The banner is non-modal: the board stays
// readable and says since when it is stale. html[data-circuit] mirrors the state for the header.
const banner = document.getElementById("components-reconnect-modal");
const staleSince = document.getElementById("cs-stale-since");
const root = document.documentElement;

banner.addEventListener("components-reconnect-state-changed", onStateChanged);
document.getElementById("components-reconnect-button").addEventListener("click", retry);
document.getElementById("components-resume-button").addEventListener("click", resume);

function onStateChanged(event) {
    const state = event.detail.state;
    if (state === "show") {
        if (!banner.open) {
            staleSince.textContent = new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false });
            banner.show();
        }
        root.dataset.circuit = "reconnecting";
    } else if (state === "hide") {
        banner.close();
        root.dataset.circuit = "live";
    } else if (state === "failed") {
        root.dataset.circuit = "reconnecting";
        document.addEventListener("visibilitychange", retryWhenVisible);
    } else if (state === "rejected") {
        // The server no longer knows this circuit (it restarted): a fresh page is the only way back, and at once.
        location.reload();
    }
}

async function retry() {
    document.removeEventListener("visibilitychange", retryWhenVisible);
    try {
        const reconnected = await Blazor.reconnect();
        if (!reconnected) {
            await resume();
        }
    } catch {
        document.addEventListener("visibilitychange", retryWhenVisible);
    }
}

async function resume() {
    try {
        if (!(await Blazor.resumeCircuit())) {
            location.reload();
        } else {
            banner.close();
            root.dataset.circuit = "live";
        }
    } catch {
        location.reload();
    }
}

async function retryWhenVisible() {
    if (document.visibilityState === "visible") {
        await retry();
    }
}
