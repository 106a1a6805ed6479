// Drives the reconnect banner from Blazor's reconnect events (.NET 10). The banner is non-modal: the board stays
// readable and says since when it is stale. html[data-circuit] mirrors the state for the header.
const banner = document.getElementById("components-reconnect-modal");
const staleSince = document.getElementById("cs-stale-since");
const root = document.documentElement;
// A wallboard (a page marked data-unattended) has nobody to click "Retry": it keeps trying on its own, for ever, and
// reloads once the server answers again (after a restart or a deploy).
const unattended = () => document.querySelector("[data-unattended]") !== null;
const unattendedRetry = 5000;
let unattendedTimer;
// One attempt pending at a time, whichever event asked for it.
const later = (attempt) => {
    clearTimeout(unattendedTimer);
    unattendedTimer = setTimeout(attempt, unattendedRetry);
};

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
        if (unattended()) {
            later(retryUnattended);
        } else {
            document.addEventListener("visibilitychange", retryWhenVisible);
        }
    } else if (state === "paused" && unattended()) {
        resume();
    } else if (state === "resume-failed" && unattended()) {
        reloadWhenUp();
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
            reloadWhenUp();
        } else {
            banner.close();
            root.dataset.circuit = "live";
        }
    } catch {
        reloadWhenUp();
    }
}

// Reloads the page, but only once the server answers: a reload while it is down would leave the browser's error page
// up, with no script left to try again.
async function reloadWhenUp() {
    try {
        const response = await fetch(location.href, { cache: "no-store", redirect: "manual" });
        if (response.status < 500) {
            location.reload();
            return;
        }
    } catch {
        // Not up yet.
    }
    if (unattended()) {
        later(reloadWhenUp);
    } else {
        location.reload();
    }
}

async function retryUnattended() {
    try {
        if (await Blazor.reconnect()) {
            return;
        }
        await resume();
    } catch {
        later(retryUnattended);
    }
}

async function retryWhenVisible() {
    if (document.visibilityState === "visible") {
        await retry();
    }
}
