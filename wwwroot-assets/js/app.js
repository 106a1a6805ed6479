// The dashboard's small browser side: starting Blazor with quick reconnect retries, remembering the theme,
// opt-in attention alerts, and telling the live calls page whether its grid is scrolled.
(() => {
    const root = document.documentElement;
    root.dataset.circuit = "live";

    const cookie = (name, value) => {
        document.cookie = `${name}=${encodeURIComponent(value)}; path=/; max-age=31536000; samesite=lax`;
    };

    const alertsKey = "callSupervisor.alerts";
    let audio;

    window.callSupervisor = {
        saveTheme(mode, dark) {
            cookie("CallSupervisorTheme", mode);
            root.dataset.theme = dark ? "dark" : "light";
        },
        rememberSystemDark(dark) {
            cookie("CallSupervisorSystemDark", dark ? "1" : "0");
        },
        alerts: {
            enabled() {
                return localStorage.getItem(alertsKey) === "on";
            },
            async enable(on) {
                if (on && "Notification" in window && Notification.permission === "default") {
                    try { await Notification.requestPermission(); } catch { /* sound only */ }
                }
                localStorage.setItem(alertsKey, on ? "on" : "off");
                return on;
            },
            // One short tone and, where allowed, a desktop notice. Only when the supervisor opted in.
            notify(title, body) {
                if (localStorage.getItem(alertsKey) !== "on") {
                    return false;
                }
                try {
                    audio ??= new AudioContext();
                    const tone = audio.createOscillator();
                    const gain = audio.createGain();
                    tone.frequency.value = 880;
                    gain.gain.value = 0.08;
                    tone.connect(gain).connect(audio.destination);
                    tone.start();
                    tone.stop(audio.currentTime + 0.25);
                } catch { /* no audio device */ }
                if ("Notification" in window && Notification.permission === "granted" && document.visibilityState !== "visible") {
                    new Notification(title, { body, tag: "callsupervisor-attention" });
                }
                return true;
            },
        },
        // Brings the call detail into view when it is not (phones show it above the list).
        revealDetail() {
            const detail = document.querySelector(".cs-detail");
            if (!detail) {
                return;
            }
            const box = detail.getBoundingClientRect();
            if (box.top < 0 || box.top > window.innerHeight - 80) {
                detail.scrollIntoView({ block: "start" });
            }
        },
        // Reports to .NET whether the grid is scrolled away from the top, so new rows can wait instead of moving
        // what the supervisor is looking at.
        observeScroll(host, dotnet) {
            const scroller = host.querySelector(".mud-table-container") ?? host;
            let scrolled = false;
            const report = () => {
                const now = scroller.scrollTop > 4;
                if (now !== scrolled) {
                    scrolled = now;
                    dotnet.invokeMethodAsync("SetScrolled", now);
                }
            };
            scroller.addEventListener("scroll", report, { passive: true });
            return { dispose: () => scroller.removeEventListener("scroll", report) };
        },
        // Keeps keyboard focus in a live list when an update moves or removes the item that has it (a call ends, the
        // order follows the clock, an invitation is answered): the browser sends focus to <body> when a focused
        // element leaves the document, even for the moment a keyed row is moved. Items are the elements matching
        // itemSelector, known by keyAttribute. After each update the same item takes focus back (the same control in
        // it), else the item now at its place, else the host. Focus the person moved away is left alone.
        keepFocus(host, itemSelector, keyAttribute) {
            const controls = "a[href], button, input, select, textarea, [tabindex]:not([tabindex='-1'])";
            const visibleItems = () => [...host.querySelectorAll(itemSelector)].filter(e => e.getClientRects().length > 0);
            const controlsOf = (item) => item.matches(controls) ? [item] : [...item.querySelectorAll(controls)];
            let kept = null;
            // A blur during a click or a key press is the person's doing; one during a render is not.
            let byPerson = false;
            const onInput = () => {
                byPerson = true;
                setTimeout(() => { byPerson = false; }, 0);
            };
            const onFocusIn = (e) => {
                const item = host.contains(e.target) ? e.target.closest(itemSelector) : null;
                kept = item && host.contains(item)
                    ? { key: item.getAttribute(keyAttribute), index: visibleItems().indexOf(item), part: controlsOf(item).indexOf(e.target) }
                    : null;
            };
            const onFocusOut = (e) => {
                if (!kept || host.contains(e.relatedTarget)) {
                    return;
                }
                if (byPerson) {
                    kept = null;
                } else {
                    setTimeout(restore, 0);
                }
            };
            const restore = () => {
                // A focused element taken out of the document may still be reported active until the browser's
                // focus fixup runs: it has lost focus all the same.
                const active = document.activeElement;
                if (!kept || (active && active !== document.body && active.isConnected)) {
                    return;
                }
                const items = visibleItems();
                const item = items.find(i => i.getAttribute(keyAttribute) === kept.key) ?? items[Math.min(kept.index, items.length - 1)];
                const parts = item ? controlsOf(item) : [];
                const target = parts[kept.part] ?? parts[0] ?? host;
                target.focus();
                if (document.activeElement !== target) {
                    kept = null;
                }
            };
            const observer = new MutationObserver(restore);
            observer.observe(host, { childList: true, subtree: true });
            document.addEventListener("pointerdown", onInput, true);
            document.addEventListener("keydown", onInput, true);
            document.addEventListener("focusin", onFocusIn);
            host.addEventListener("focusout", onFocusOut);
            return {
                dispose: () => {
                    observer.disconnect();
                    document.removeEventListener("pointerdown", onInput, true);
                    document.removeEventListener("keydown", onInput, true);
                    document.removeEventListener("focusin", onFocusIn);
                    host.removeEventListener("focusout", onFocusOut);
                },
            };
        },
        scrollToTop(host) {
            const scroller = host.querySelector(".mud-table-container") ?? host;
            scroller.scrollTop = 0;
        },
    };

    // First retry at once, then every second for the first ten attempts, then every 3 s (the default waits grew
    // to 20 s and more, leaving a stale board up long after the server was back).
    Blazor.start({
        circuit: {
            reconnectionOptions: {
                maxRetries: 120,
                retryIntervalMilliseconds: (previousAttempts) => previousAttempts === 0 ? 0 : previousAttempts < 10 ? 1000 : 3000,
            },
        },
    });
})();
