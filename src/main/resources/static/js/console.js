// RHIP console: small behaviours without inline script (the Content-Security-Policy is script-src 'self').
(function () {
  'use strict';
  document.documentElement.classList.add('js');

  // Charts drawn from JSON: once the page is loaded, each element matching the selector is drawn by
  // draw(element, data) from the JSON at its data-src; elements sharing a data-src share one request
  // (a person's vitals: one audited read). A failed request leaves the element's data-failed text.
  window.rhipCharts = function (selector, draw) {
    document.addEventListener('DOMContentLoaded', function () {
      var bySource = {};
      document.querySelectorAll(selector).forEach(function (element) {
        var src = element.getAttribute('data-src');
        (bySource[src] = bySource[src] || []).push(element);
      });
      Object.keys(bySource).forEach(function (src) {
        fetch(src, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
          .then(function (response) {
            if (!response.ok) {
              throw new Error('HTTP ' + response.status);
            }
            return response.json();
          })
          .then(function (data) {
            bySource[src].forEach(function (element) { draw(element, data); });
          })
          .catch(function () {
            bySource[src].forEach(function (element) {
              element.textContent = element.getAttribute('data-failed') || 'Chart failed';
            });
          });
      });
    });
  };

  document.addEventListener('DOMContentLoaded', function () {
    // Filter forms marked data-autosubmit reload the page as soon as a choice changes.
    document.querySelectorAll('form[data-autosubmit]').forEach(function (form) {
      form.addEventListener('change', function () {
        form.submit();
      });
    });
  });
})();
