// Small behaviours every page may use, kept out of the HTML: the Content-Security-Policy allows no inline
// script or event handler (Features/Shared/SecurityHeaders.cs).
(function () {
    // "In" buttons: <button data-print>.
    document.addEventListener("click", function (e) {
        if (e.target instanceof Element && e.target.closest("[data-print]")) window.print();
    });
    // Progress bars: <div class="progress-bar" data-width="42"> (a style attribute would be blocked;
    // setting the style from script is allowed).
    document.querySelectorAll("[data-width]").forEach(function (bar) {
        var value = Math.max(0, Math.min(100, Number(bar.getAttribute("data-width")) || 0));
        bar.style.width = value + "%";
    });
})();
// Small progressive enhancements; every form works without them.

// A form with data-confirm asks before it is sent (deleting, withdrawing, forgetting a name).
document.addEventListener("submit", function (e) {
    var form = e.target;
    var question = form && form.getAttribute && form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) e.preventDefault();
});

// A confirmation shown in place of a page (closing a step, submitting): focus it so a keyboard and screen reader
// user lands on the question, not at the top of the page.
(function () {
    var panel = document.querySelector("[data-autofocus]");
    if (panel) { panel.scrollIntoView({ block: "center" }); panel.focus(); }
})();

function submitButtons(form) {
    return Array.prototype.filter.call(form.elements, function (e) { return e.type === "submit"; });
}
// Long operations (import, conversion, DOCX, uploads): a form with data-busy cannot be sent twice, and its button
// says it is working ("Đang xử lý…" from the attribute) while the server answers.
document.addEventListener("submit", function (e) {
    var form = e.target;
    if (!(form instanceof HTMLFormElement) || e.defaultPrevented || !form.hasAttribute("data-busy")) return;
    if (form.getAttribute("data-sent") === "1") { e.preventDefault(); return; }
    form.setAttribute("data-sent", "1");
    form.setAttribute("aria-busy", "true");
    // form.elements, not querySelectorAll: a report's upload button sits beside its entry, joined by form="up-…".
    submitButtons(form).forEach(function (b) {
        b.setAttribute("aria-disabled", "true");
        b.classList.add("disabled");
        if (form.getAttribute("data-busy")) b.textContent = form.getAttribute("data-busy");
    });
});
// A page shown again from the back-forward cache must not stay "busy".
window.addEventListener("pageshow", function () {
    document.querySelectorAll("form[data-sent]").forEach(function (f) {
        f.removeAttribute("data-sent"); f.removeAttribute("aria-busy");
        submitButtons(f).forEach(function (b) { b.classList.remove("disabled"); b.removeAttribute("aria-disabled"); });
    });
});

// A table wider than the screen scrolls sideways: keyboard users must be able to reach and scroll it (WCAG 2.1.1).
// Pages mark the known ones in their markup; this covers the rest when they overflow.
(function () {
    document.querySelectorAll(".table-responsive:not([tabindex])").forEach(function (box) {
        if (box.scrollWidth <= box.clientWidth) return;
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        var caption = box.querySelector("caption");
        var heading = caption || (box.closest("section") || document).querySelector("h1, h2, h3");
        if (heading) box.setAttribute("aria-label", heading.textContent.trim());
    });
})();

// Dates are typed dd/mm/yyyy (text inputs marked data-date, see Features/Shared/DateInput.cs); where the browser has a
// native calendar, a button next to the field opens it and writes the chosen day back as dd/mm/yyyy.
(function () {
    var probe = document.createElement("input");
    probe.type = "date";
    if (probe.type !== "date" || typeof probe.showPicker !== "function") return;
    document.querySelectorAll("input[data-date]").forEach(function (field) {
        var picker = document.createElement("input");
        picker.type = "date";
        picker.tabIndex = -1;
        picker.className = "visually-hidden";
        picker.setAttribute("aria-hidden", "true");
        var button = document.createElement("button");
        button.type = "button";
        button.className = "btn btn-outline-secondary date-pick";
        button.setAttribute("aria-label", field.getAttribute("data-date") || "📅");
        button.textContent = "📅";
        button.addEventListener("click", function () {
            var m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(field.value.trim());
            picker.value = m ? m[3] + "-" + ("0" + m[2]).slice(-2) + "-" + ("0" + m[1]).slice(-2) : "";
            try { picker.showPicker(); } catch (e) { field.focus(); }
        });
        picker.addEventListener("change", function () {
            var p = picker.value.split("-");
            if (p.length === 3) { field.value = p[2] + "/" + p[1] + "/" + p[0]; field.dispatchEvent(new Event("change", { bubbles: true })); }
            field.focus();
        });
        var group = document.createElement("div");
        group.className = "input-group date-group";
        field.parentNode.insertBefore(group, field);
        group.appendChild(field);
        group.appendChild(button);
        group.appendChild(picker);
    });
})();
