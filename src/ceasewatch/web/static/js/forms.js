// Submit a form as soon as a control marked data-autosubmit changes (the version switch).
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-autosubmit]").forEach(function (control) {
    control.addEventListener("change", function () { control.form.submit(); });
  });
});
