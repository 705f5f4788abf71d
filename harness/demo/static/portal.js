/* Harbour Mutual portal behaviour: busy status on slow submits, the "Draft saved" toast,
   the claim form's inactivity warning, and the support chat. Plain JS, no build step. */
(function () {
  'use strict';

  function byId(id) { return document.getElementById(id); }

  /* Move focus to an error summary so screen readers hear it first (GOV.UK pattern). */
  var summary = document.querySelector('[data-autofocus]');
  if (summary) { summary.focus(); }

  /* Transient toast: appears shortly after a step is saved and is removed after ~2 s. */
  function showToast(text, ms) {
    var region = byId('toast-region');
    if (!region || !text) { return; }
    var toast = document.createElement('p');
    toast.className = 'toast';
    toast.textContent = text;
    region.appendChild(toast);
    window.setTimeout(function () { toast.remove(); }, ms);
  }
  var toastText = document.body.getAttribute('data-toast');
  if (toastText) { window.setTimeout(function () { showToast(toastText, 2000); }, 300); }

  /* Busy status while a slow form submits; repeated clicks are ignored, not re-sent. */
  document.querySelectorAll('form[data-busy-message]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      if (form.getAttribute('data-sending') === 'true') { event.preventDefault(); return; }
      form.setAttribute('data-sending', 'true');
      form.setAttribute('aria-busy', 'true');
      var button = form.querySelector('[type=submit]');
      if (button) { button.setAttribute('aria-disabled', 'true'); }
      var status = byId(form.getAttribute('data-status-target'));
      if (status) {
        var spinner = status.querySelector('.spinner');
        if (spinner) { spinner.hidden = false; }
        status.querySelector('.status__text').textContent = form.getAttribute('data-busy-message');
      }
    });
  });
  window.addEventListener('pageshow', function () {
    document.querySelectorAll('form[data-sending]').forEach(function (form) {
      form.removeAttribute('data-sending');
      form.removeAttribute('aria-busy');
    });
    /* The back-clears-step1 defect: the form re-initialises empty whenever it is shown again. */
    document.querySelectorAll('form[data-reset-on-show]').forEach(function (form) { form.reset(); });
  });

  /* Inactivity warning on the claim form (WCAG 2.2.1): warn, let people extend, keep answers. */
  var dialog = byId('timeout-dialog');
  if (dialog) {
    var timeoutMs = parseFloat(dialog.getAttribute('data-timeout')) * 1000;
    var warnMs = parseFloat(dialog.getAttribute('data-warn')) * 1000;
    var text = byId('timeout-text');
    var button = byId('timeout-extend');
    var warnTimer = 0;
    var expireTimer = 0;
    var lastPing = Date.now();
    var paused = false;
    var describe = function (ms) {
      var s = Math.max(1, Math.round(ms / 1000));
      if (s < 60) { return s + (s === 1 ? ' second' : ' seconds'); }
      var m = Math.round(s / 60);
      return m + (m === 1 ? ' minute' : ' minutes');
    };
    var schedule = function () {
      window.clearTimeout(warnTimer);
      window.clearTimeout(expireTimer);
      warnTimer = window.setTimeout(warn, Math.max(0, timeoutMs - warnMs));
      expireTimer = window.setTimeout(pause, timeoutMs);
    };
    var warn = function () {
      text.textContent = dialog.getAttribute('data-warning').replace('{remaining}', describe(warnMs));
      dialog.hidden = false;
      button.focus();
    };
    var pause = function () {
      paused = true;
      text.textContent = dialog.getAttribute('data-paused');
      dialog.hidden = false;
    };
    var extend = function () {
      lastPing = Date.now();
      schedule();
      return fetch('/session/extend', { method: 'POST', credentials: 'same-origin' });
    };
    button.addEventListener('click', function () {
      extend();
      dialog.hidden = true;
      paused = false;
      showToast(dialog.getAttribute('data-extended'), 4000);
    });
    /* Typing is activity: keep the session alive while someone is filling in the form. */
    document.addEventListener('input', function () {
      if (!dialog.hidden && !paused) { dialog.hidden = true; }
      if (Date.now() - lastPing > timeoutMs / 4) { extend(); }  /* timers follow the server's clock */
    });
    schedule();
  }

  /* Support chat: messages through the JSON API, rendered into the role=log region. */
  var log = byId('chat-log');
  if (log) {
    var seen = {};
    var pollTimer = 0;
    var chatStatus = byId('chat-status');
    var input = byId('chat-message');
    var inputError = byId('chat-message-error');
    var setStatus = function (message) {
      var spinner = chatStatus.querySelector('.spinner');
      chatStatus.querySelector('.status__text').textContent = message || '';
      if (spinner) { spinner.hidden = !message; }
      chatStatus.setAttribute('aria-busy', message ? 'true' : 'false');
    };
    var render = function (data) {
      (data.messages || []).forEach(function (m) {
        if (seen[m.id]) { return; }
        seen[m.id] = true;
        var item = document.createElement('div');
        item.className = 'message message--' + m.speaker;
        item.setAttribute('data-speaker', m.speaker);
        var who = document.createElement('p');
        who.className = 'message__who';
        who.textContent = log.getAttribute('data-who-' + m.speaker);
        var body = document.createElement('p');
        body.className = 'message__text';
        body.textContent = m.text;
        item.appendChild(who);
        item.appendChild(body);
        log.appendChild(item);
      });
      setStatus(data.status);
      log.scrollTop = log.scrollHeight;
      window.clearTimeout(pollTimer);
      if (data.pending) { pollTimer = window.setTimeout(poll, 400); }
    };
    var poll = function () {
      fetch('/chat/api/messages', { credentials: 'same-origin' })
        .then(function (r) { return r.json(); }).then(render);
    };
    var send = function (payload) {
      return fetch('/chat/api/messages', {
        method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(payload)
      }).then(function (r) { return r.json(); }).then(render);
    };
    byId('chat-form').addEventListener('submit', function (event) {
      event.preventDefault();
      var value = input.value.trim();
      if (!value) {
        inputError.textContent = 'Type a message before sending it.';
        inputError.hidden = false;
        input.setAttribute('aria-invalid', 'true');
        input.focus();
        return;
      }
      inputError.hidden = true;
      input.removeAttribute('aria-invalid');
      input.value = '';
      send({ text: value });
    });
    var human = byId('chat-human');
    if (human) { human.addEventListener('click', function () { send({ action: 'human' }); }); }
    poll();
  }
}());
