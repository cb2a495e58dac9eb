// Saves the report draft while the officer types, so nothing typed is lost to a closed tab, an
// evidence upload (its own form reloads the page) or a lost connection. The server answers each save
// with the report's new Version, which the next save sends back (a stale page gets 409, not an overwrite).
// Each save also carries this page's save key, so a save whose answer was lost does not make the next one a 409.
// Without JavaScript the "Lưu nháp" button does the same save.
(function () {
    const form = document.getElementById("report-form");
    if (!form) return;
    const status = document.getElementById("autosave-status");
    const version = form.querySelector("input[name=Version]");
    // A fresh save key per page load (a page restored from the browser's cache must not share one with another tab):
    // a save whose answer was lost is then recognised by the server as this page's own, not as someone else's change.
    const saveKey = form.querySelector("input[name=SaveKey]");
    if (saveKey && window.crypto && crypto.getRandomValues) {
        saveKey.value = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
    }
    const text = (name) => form.dataset[name] || "";
    const delayMs = 2000;
    let dirty = false, saving = null, timer = 0, stopped = false;

    function show(message, kind) {
        if (!status) return;
        status.textContent = message;
        status.className = "small mb-0 " + (kind === "error" ? "text-danger" : "text-body-secondary");
    }

    async function save() {
        clearTimeout(timer);
        if (stopped || !dirty) return;
        if (saving) { await saving; return save(); }
        dirty = false;
        show(text("saving"));
        saving = (async () => {
            try {
                const response = await fetch(form.action.split("?")[0] + "?handler=Autosave", {
                    method: "POST", body: new FormData(form), headers: { Accept: "application/json" }, credentials: "same-origin",
                });
                const body = await response.json().catch(() => ({}));
                if (response.ok) {
                    version.value = body.version;
                    show(text("saved") + " " + body.savedAt);
                } else if (response.status === 409) {
                    // Someone else changed or submitted the report: stop, keep what is typed on screen.
                    stopped = true;
                    show(body.message || text("conflict"), "error");
                } else {
                    dirty = true;
                    show(body.message || text("failed"), "error");
                }
            } catch {
                dirty = true;
                show(text("offline"), "error");
                timer = setTimeout(save, delayMs * 5);
            } finally {
                saving = null;
            }
        })();
        await saving;
    }

    // Only the report's own fields: an evidence field sits inside the report's markup but belongs to its own form
    // (form="up-…", "doc-…"); choosing a file is not a change to save, and must not hold up its upload.
    function changed(event) {
        if (event.target.form !== form) return;
        dirty = true;
        clearTimeout(timer);
        timer = setTimeout(save, delayMs);
    }

    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    // The sticky bar's "answered x/y" follows what is typed; the server counts the same way (ReportSection, SubmitSummary):
    // a lead answers with a status, a coordinating agency with text or evidence.
    const answered = document.getElementById("sticky-answered");
    function recount() {
        if (!answered || !answered.dataset.answeredTemplate) return;
        const entries = form.querySelectorAll(".entry");
        let n = 0;
        entries.forEach((entry) => {
            const status = entry.querySelector("select[name$='.Status']");
            const work = entry.querySelector("textarea[name$='.WorkDone']");
            const done = entry.dataset.leads === "true" ? status && status.value : (work && work.value.trim()) || entry.querySelector(".evidence-list");
            if (done) n++;
        });
        answered.textContent = answered.dataset.answeredTemplate.replace("{0}", n).replace("{1}", entries.length);
    }
    form.addEventListener("change", recount);
    // The form's own buttons post everything; a save in flight must finish first so the Version matches.
    form.addEventListener("submit", (event) => {
        clearTimeout(timer);
        dirty = false;
        if (saving) {
            event.preventDefault();
            const button = event.submitter;
            saving.then(() => form.requestSubmit(button));
        }
    });
    // Evidence forms reload the page: save what is typed first.
    document.querySelectorAll("form[id^=up-], form[id^=doc-], form[id^=rm-]").forEach((other) => {
        other.addEventListener("submit", async (event) => {
            if (!dirty && !saving) return;
            event.preventDefault();
            await save();
            // requestSubmit, not submit(): the submit event runs again (now with nothing to save), so the busy state shows.
            if (!dirty) other.requestSubmit();
        });
    });
    window.addEventListener("beforeunload", (event) => {
        if (dirty || saving) { event.preventDefault(); event.returnValue = ""; }
    });
})();
