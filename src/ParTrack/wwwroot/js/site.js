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
