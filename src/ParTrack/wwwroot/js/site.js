// Small progressive enhancements; every form works without them.

// A form with data-confirm asks before it is sent (deleting, withdrawing, forgetting a name).
document.addEventListener("submit", function (e) {
    var form = e.target;
    var question = form && form.getAttribute && form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) e.preventDefault();
});
