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

// Sound cue for new critical alarms (issue 5 §3). Browsers keep audio blocked until the user has interacted with
// the page, so the board has a "sound on/off" toggle (remembered here in localStorage, off until someone turns it on)
// and the AudioContext is created/resumed on the first key press or click on the page.
// window.boardSoundCues counts the cues actually played (browser tests read it).
const soundKey = 'complaintops.board.sound';
let audio = null;
let unlockWatching = false;
const cued = new Set();
let lastTone = 0;

function context() {
    const Ctx = window.AudioContext || window.webkitAudioContext;
    if (!Ctx) return null;
    if (!audio) audio = new Ctx();
    return audio;
}

function unlock() {
    const ctx = context();
    if (ctx && ctx.state === 'suspended') ctx.resume().catch(() => { });
}

function watchUnlock() {
    if (unlockWatching) return;
    unlockWatching = true;
    for (const type of ['pointerdown', 'keydown', 'click']) document.addEventListener(type, unlock, { capture: true });
}

/** 'on' or 'off' (the default) as remembered on this browser. */
export function soundPreference() {
    watchUnlock();
    try {
        return localStorage.getItem(soundKey) === 'on' ? 'on' : 'off';
    } catch {
        return 'off';
    }
}

export function setSound(on) {
    watchUnlock();
    try {
        localStorage.setItem(soundKey, on ? 'on' : 'off');
    } catch {
        // Private mode without storage: the choice lasts until the page reloads.
    }
    if (on) unlock();
}

/** Two short high beeps for one new critical alarm; once per alarm id, at most one tone per second. */
export function criticalCue(alarmId) {
    if (cued.has(alarmId)) return false;
    cued.add(alarmId);
    const ctx = context();
    if (!ctx) return false;
    if (ctx.state === 'suspended') ctx.resume().catch(() => { });
    const now = ctx.currentTime;
    if (performance.now() - lastTone >= 1000) {
        lastTone = performance.now();
        for (const start of [0, 0.3]) {
            const osc = ctx.createOscillator();
            const gain = ctx.createGain();
            osc.type = 'square';
            osc.frequency.value = 880;
            gain.gain.setValueAtTime(0.0001, now + start);
            gain.gain.exponentialRampToValueAtTime(0.2, now + start + 0.02);
            gain.gain.exponentialRampToValueAtTime(0.0001, now + start + 0.22);
            osc.connect(gain).connect(ctx.destination);
            osc.start(now + start);
            osc.stop(now + start + 0.25);
        }
    }
    window.boardSoundCues = (window.boardSoundCues || 0) + 1;
    return true;
}
