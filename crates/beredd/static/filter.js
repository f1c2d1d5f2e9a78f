// A list of check boxes narrowed as one types: the search box shows only where a script runs,
// and a ticked box stays in the form when it is hidden.
(function () {
  'use strict';
  document.querySelectorAll('input[data-filter]').forEach(function (input) {
    var list = document.getElementById(input.getAttribute('data-filter'));
    if (!list) return;
    var box = input.closest('[data-filter-box]');
    if (box) box.hidden = false;
    input.addEventListener('input', function () {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      list.querySelectorAll('.choice').forEach(function (c) {
        var text = c.textContent.toLowerCase();
        c.hidden = !words.every(function (w) { return text.indexOf(w) >= 0; });
      });
    });
  });
})();
