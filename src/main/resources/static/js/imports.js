// RHIP console: an import job's progress. The element #import-job polls its data-src
// (/api/imports/{id}) every two seconds while the job is queued or running, and shows the status,
// the progress bar and the counts; the words for the statuses come in data-status-<key> attributes.
// When the job has finished, the page is loaded again once, complete.
(function () {
  'use strict';

  var FINISHED = ['done', 'failed', 'cancelled'];
  var COUNTS = ['read', 'created', 'updated', 'unchanged', 'rejected'];

  function show(element, job) {
    var status = element.querySelector('[data-job-status]');
    if (status) {
      status.textContent = element.getAttribute('data-status-' + job.status) || job.status;
      status.className = 'badge import-status import-' + job.status;
    }
    element.setAttribute('data-status', job.status);
    var bar = element.querySelector('progress');
    if (bar) {
      bar.value = job.percent;
    }
    var percent = element.querySelector('[data-job-percent]');
    if (percent) {
      percent.textContent = job.percent + '%';
    }
    COUNTS.forEach(function (key) {
      var cell = element.querySelector('[data-count="' + key + '"]');
      if (cell) {
        cell.textContent = job[key].toLocaleString();
      }
    });
    var message = element.querySelector('[data-job-message]');
    if (message) {
      message.textContent = job.message || '';
      message.classList.toggle('empty', !job.message);
    }
    var errors = element.querySelector('[data-job-errors]');
    if (errors) {
      errors.hidden = !(job.rejected > 0);
    }
  }

  function poll(element) {
    fetch(element.getAttribute('data-src'), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.json();
      })
      .then(function (job) {
        show(element, job);
        if (FINISHED.indexOf(job.status) < 0) {
          window.setTimeout(function () { poll(element); }, 2000);
        }
        else {
          // once: the page as the server writes a finished job (files, times, speed)
          window.location.reload();
        }
      })
      .catch(function () {
        window.setTimeout(function () { poll(element); }, 5000);
      });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var element = document.getElementById('import-job');
    if (element && FINISHED.indexOf(element.getAttribute('data-status')) < 0) {
      poll(element);
    }
  });
})();
