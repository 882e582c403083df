// RHIP console: small behaviours without inline script (the Content-Security-Policy is script-src 'self').
(function () {
  'use strict';
  document.documentElement.classList.add('js');

  document.addEventListener('DOMContentLoaded', function () {
    // Filter forms marked data-autosubmit reload the page as soon as a choice changes.
    document.querySelectorAll('form[data-autosubmit]').forEach(function (form) {
      form.addEventListener('change', function () {
        form.submit();
      });
    });
  });
})();
