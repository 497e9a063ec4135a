// A small signature pad: the visitor signs on screen with mouse, pen or finger (R27).
// Exported as a PNG data URL; an untouched pad gives null so "signature required" can be enforced.
const pads = new WeakMap();

export function init(canvas, owner) {
    if (!canvas || pads.has(canvas)) return;
    const ratio = window.devicePixelRatio || 1;
    const rect = canvas.getBoundingClientRect();
    canvas.width = Math.max(1, Math.round(rect.width * ratio));
    canvas.height = Math.max(1, Math.round(rect.height * ratio));
    const ctx = canvas.getContext("2d");
    ctx.scale(ratio, ratio);
    ctx.lineWidth = 2.2;
    ctx.lineCap = "round";
    ctx.lineJoin = "round";
    ctx.strokeStyle = "#111";
    const state = { ctx, drawing: false, signed: false };
    pads.set(canvas, state);

    const point = e => {
        const r = canvas.getBoundingClientRect();
        return { x: e.clientX - r.left, y: e.clientY - r.top };
    };
    canvas.addEventListener("pointerdown", e => {
        e.preventDefault();
        canvas.setPointerCapture(e.pointerId);
        state.drawing = true;
        const p = point(e);
        ctx.beginPath();
        ctx.moveTo(p.x, p.y);
        ctx.lineTo(p.x + 0.1, p.y + 0.1);
        ctx.stroke();
        state.signed = true;
        canvas.dataset.signed = "true";
    });
    canvas.addEventListener("pointermove", e => {
        if (!state.drawing) return;
        const p = point(e);
        ctx.lineTo(p.x, p.y);
        ctx.stroke();
    });
    // Each finished stroke goes to the server at once, so saving never depends on a round trip at that moment.
    const end = () => {
        if (!state.drawing) return;
        state.drawing = false;
        if (owner && state.signed) owner.invokeMethodAsync("SignatureChanged", canvas.toDataURL("image/png"));
    };
    canvas.addEventListener("pointerup", end);
    canvas.addEventListener("pointercancel", end);
    canvas.addEventListener("pointerleave", end);
    // Lets people and tests see the pad is live (strokes before this would be lost).
    canvas.dataset.ready = "true";
}

export function clear(canvas) {
    const state = pads.get(canvas);
    if (!state) return;
    state.ctx.save();
    state.ctx.setTransform(1, 0, 0, 1, 0, 0);
    state.ctx.clearRect(0, 0, canvas.width, canvas.height);
    state.ctx.restore();
    state.signed = false;
    delete canvas.dataset.signed;
}

export function toDataUrl(canvas) {
    const state = pads.get(canvas);
    return state && state.signed ? canvas.toDataURL("image/png") : null;
}
