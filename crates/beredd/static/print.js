// A "print" button: shown only where a script runs (without one, the browser's own print command
// gives the same page, laid out for paper by app.css's print rules).
(function () {
  'use strict';
  document.querySelectorAll('button[data-print]').forEach(function (b) {
    b.hidden = false;
    b.addEventListener('click', function () { window.print(); });
  });
})();
