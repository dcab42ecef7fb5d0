/*
 * Operator console: talking to the gateway (OPERATOR-API.md). Session cookie plus CSRF: unsafe requests carry
 * the value of the cookie XSRF-TOKEN in the header X-XSRF-TOKEN. 401 (or a redirect to the login page) sends
 * the browser to the login page.
 */
(function (global) {
  'use strict';

  var LOGIN_PAGE = '/console/login.html';

  function cookie(name) {
    var parts = global.document.cookie ? global.document.cookie.split(';') : [];
    for (var i = 0; i < parts.length; i++) {
      var pair = parts[i].trim();
      var eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq) === name) {
        return decodeURIComponent(pair.substring(eq + 1));
      }
    }
    return null;
  }

  function csrfToken() {
    return cookie('XSRF-TOKEN');
  }

  /** An error the page can show: status (0 for the network), code and description from the gateway. */
  function ApiError(status, code, desc) {
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.desc = desc;
    this.message = 'HTTP ' + status + (code ? ' ' + code : '') + (desc ? ': ' + desc : '');
  }
  ApiError.prototype = Object.create(Error.prototype);

  function toLogin(reason) {
    var target = LOGIN_PAGE + (reason ? '?' + reason : '');
    var lang = global.LienthongI18n ? global.LienthongI18n.lang() : null;
    if (lang && lang !== 'vi') {
      target += (target.indexOf('?') >= 0 ? '&' : '?') + 'lang=' + lang;
    }
    global.location.assign(target);
  }

  /**
   * fetch, as JSON. X-Requested-With and Accept: application/json make Spring Security answer 401 instead of
   * redirecting to the login page, and keep these calls out of its saved request.
   */
  function request(method, path, body) {
    var headers = { 'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
    var unsafe = method !== 'GET' && method !== 'HEAD';
    if (unsafe) {
      var token = csrfToken();
      if (token) {
        headers['X-XSRF-TOKEN'] = token;
      }
    }
    var init = { method: method, headers: headers, credentials: 'same-origin', cache: 'no-store' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return global.fetch(path, init).then(function (response) {
      if (response.status === 401 || (response.redirected && response.url.indexOf('login') >= 0)) {
        toLogin(global.LienthongApi.signedIn ? 'expired' : null);
        throw new ApiError(401, null, null);
      }
      var type = response.headers.get('Content-Type') || '';
      if (!response.ok) {
        var fail = type.indexOf('json') >= 0 ? response.json().catch(function () { return {}; }) : Promise.resolve({});
        return fail.then(function (json) {
          throw new ApiError(response.status, json.ErrorCode || null, json.ErrorDesc || json.message || json.error || null);
        });
      }
      if (response.status === 204) {
        return null;
      }
      if (type.indexOf('json') < 0) {
        // an HTML page where JSON was expected: the login page served after the session ended
        if (type.indexOf('html') >= 0) {
          toLogin(global.LienthongApi.signedIn ? 'expired' : null);
        }
        throw new ApiError(response.status, null, 'not JSON: ' + type);
      }
      return response.json();
    }, function (networkError) {
      throw new ApiError(0, null, String(networkError && networkError.message || networkError));
    });
  }

  /** Builds a query string from the non-empty values of params. */
  function query(params) {
    var parts = [];
    Object.keys(params).forEach(function (key) {
      var value = params[key];
      if (value !== undefined && value !== null && value !== '') {
        parts.push(encodeURIComponent(key) + '=' + encodeURIComponent(value));
      }
    });
    return parts.length ? '?' + parts.join('&') : '';
  }

  global.LienthongApi = {
    signedIn: false, // set once the console has loaded as a signed-in user: a later 401 means the session ended
    get: function (path) { return request('GET', path); },
    post: function (path, body) { return request('POST', path, body); },
    del: function (path) { return request('DELETE', path); },
    query: query,
    cookie: cookie,
    csrfToken: csrfToken,
    toLogin: toLogin,
    ApiError: ApiError,
    LOGIN_PAGE: LOGIN_PAGE
  };
}(window));
