/*
 * Operator console: the login page. The form posts username and password to /login (Spring Security form
 * login), with the CSRF token both as the X-XSRF-TOKEN header and the _csrf field; the gateway redirects to
 * /console/ on success and to /console/login.html?error on failure, and the page follows that redirect.
 */
(function (global) {
  'use strict';

  var i18n = global.LienthongI18n;
  var api = global.LienthongApi;
  var doc = global.document;
  var params = new URLSearchParams(global.location.search);

  function byId(id) {
    return doc.getElementById(id);
  }

  function showMessages() {
    byId('login-error').hidden = !params.has('error');
    var info = byId('login-info');
    var key = params.has('logout') ? 'login.loggedOut' : params.has('expired') ? 'login.expired' : null;
    info.hidden = !key;
    info.textContent = key ? i18n.t(key) : '';
  }

  function applyLang() {
    i18n.apply();
    doc.title = i18n.t('login.title') + ' · ' + i18n.t('app.brand');
    byId('lang-select').value = i18n.lang();
    showMessages();
  }

  /** The CSRF cookie is set by the gateway on any request; ask for one when it is not there yet. */
  function ensureToken() {
    if (api.csrfToken()) {
      return Promise.resolve(api.csrfToken());
    }
    return global.fetch('/api/v1/me', {
      headers: { 'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
      credentials: 'same-origin', cache: 'no-store'
    }).then(function (response) {
      if (response.ok && (response.headers.get('Content-Type') || '').indexOf('json') >= 0 && !params.has('error')) {
        // already signed in
        global.location.replace('/console/');
      }
      return api.csrfToken();
    }, function () {
      return api.csrfToken();
    });
  }

  function submit(event) {
    event.preventDefault();
    var form = byId('login-form');
    var button = byId('login-submit');
    button.disabled = true;
    button.textContent = i18n.t('login.submitting');
    ensureToken().then(function (token) {
      byId('csrf-field').value = token || '';
      var body = new URLSearchParams();
      body.set('username', byId('username').value);
      body.set('password', byId('password').value);
      if (token) {
        body.set('_csrf', token);
      }
      var headers = { 'Content-Type': 'application/x-www-form-urlencoded' };
      if (token) {
        headers['X-XSRF-TOKEN'] = token;
      }
      return global.fetch(form.getAttribute('action'), {
        method: 'POST', body: body, headers: headers, credentials: 'same-origin', redirect: 'follow'
      });
    }).then(function (response) {
      var target = new URL(response.url, global.location.href);
      if (response.ok && target.origin === global.location.origin && target.pathname !== '/login') {
        if (target.pathname.indexOf('/console/login') === 0 || target.pathname.indexOf('/console') !== 0) {
          // back on the login page (wrong password), or somewhere outside the console
          global.location.assign(target.pathname.indexOf('/console/login') === 0 ? target.href : '/console/');
        } else {
          global.location.assign(target.href);
        }
        return;
      }
      if (target.pathname === '/login' && target.search.indexOf('error') >= 0) {
        global.location.assign(api.LOGIN_PAGE + '?error');
        return;
      }
      throw new Error('HTTP ' + response.status);
    }).catch(function (error) {
      // not a wrong password: the gateway could not be reached or refused the request itself
      var info = byId('login-info');
      info.hidden = false;
      info.className = 'message message-error';
      info.textContent = /^HTTP \d+/.test(error.message)
        ? i18n.t('error.http', { status: error.message.substring(5), desc: '' }) : i18n.t('error.network');
    }).finally(function () {
      button.disabled = false;
      button.textContent = i18n.t('login.submit');
    });
  }

  byId('lang-select').addEventListener('change', function (event) {
    i18n.setLang(event.target.value);
    applyLang();
  });
  byId('login-form').addEventListener('submit', submit);
  applyLang();
  ensureToken();
}(window));
