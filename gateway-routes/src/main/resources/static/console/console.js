/*
 * Operator console: views, rendering and refresh. Plain JavaScript, no dependencies.
 *
 * Views are chosen by the address fragment: #overview, #routes, #agencies, #documents, #document/<docId>,
 * #dead-letters. The visible view is refreshed every 5 seconds (the document list pauses while its search form
 * is being edited). Everything the gateway sends is put on the page as text (textContent), never as HTML.
 */
(function (global) {
  'use strict';

  var i18n = global.LienthongI18n;
  var api = global.LienthongApi;
  var doc = global.document;
  var t = i18n.t;

  var REFRESH_MS = 5000;
  var TYPING_PAUSE_MS = 5000;
  var DOC_PAGE_SIZE = 20;
  var DEAD_PAGE_SIZE = 50;
  var STATES = ['PENDING', 'HELD', 'QUEUED', 'AVAILABLE', 'PROCESSING', 'DELIVERED', 'REJECTED', 'FAILED'];
  var SORTS = ['receivedAt,desc', 'receivedAt,asc', 'priority,desc', 'sender,asc'];

  var state = {
    view: null,          // overview | routes | agencies | documents | dead-letters
    docId: null,         // the open document, in the documents view
    me: null,
    canOperate: false,
    search: { page: 0 }, // the applied search (form values + page)
    lastInputAt: 0,
    deadPage: 0,
    selected: {},        // dead letters: delivery id -> true
    data: {},            // view key -> last data received
    rendered: {},        // view key -> JSON of what is on the page (re-render only on change)
    renderedSeq: {},     // view key -> number of the refresh that rendered it (an older answer never wins)
    seq: 0,
    loading: false
  };

  // ================================================================== small DOM helpers

  function byId(id) {
    return doc.getElementById(id);
  }

  /** Creates an element: attrs may hold class, text, on<event> handlers and plain attributes. */
  function h(tag, attrs, children) {
    return build(doc.createElement(tag), attrs, children);
  }

  function svg(tag, attrs, children) {
    return build(doc.createElementNS('http://www.w3.org/2000/svg', tag), attrs, children);
  }

  function build(el, attrs, children) {
    if (attrs) {
      Object.keys(attrs).forEach(function (key) {
        var value = attrs[key];
        if (value === undefined || value === null || value === false) {
          return;
        }
        if (key === 'class') {
          el.setAttribute('class', value);
        } else if (key === 'text') {
          el.textContent = value;
        } else if (key.indexOf('on') === 0 && typeof value === 'function') {
          el.addEventListener(key.substring(2), value);
        } else {
          el.setAttribute(key, value === true ? '' : String(value));
        }
      });
    }
    append(el, children);
    return el;
  }

  function append(el, children) {
    if (children === undefined || children === null || children === false) {
      return;
    }
    if (Array.isArray(children)) {
      children.forEach(function (child) { append(el, child); });
    } else if (typeof children === 'string' || typeof children === 'number') {
      el.appendChild(doc.createTextNode(String(children)));
    } else {
      el.appendChild(children);
    }
  }

  function clear(el) {
    while (el.firstChild) {
      el.removeChild(el.firstChild);
    }
    return el;
  }

  function present(value) {
    return value !== undefined && value !== null && value !== '';
  }

  // ================================================================== formatting

  function fmtNumber(n) {
    return present(n) ? new Intl.NumberFormat(i18n.locale()).format(n) : t('common.none');
  }

  /** dd/MM/yyyy HH:mm:ss in the browser's time zone, in both languages. */
  function fmtDateTime(iso) {
    var d = new Date(iso);
    if (isNaN(d.getTime())) {
      return String(iso);
    }
    function two(n) {
      return n < 10 ? '0' + n : String(n);
    }
    return two(d.getDate()) + '/' + two(d.getMonth() + 1) + '/' + d.getFullYear() + ' '
      + two(d.getHours()) + ':' + two(d.getMinutes()) + ':' + two(d.getSeconds());
  }

  function fmtClock(date, seconds) {
    var options = { hour: '2-digit', minute: '2-digit', hour12: false };
    if (seconds) {
      options.second = '2-digit';
    }
    return new Intl.DateTimeFormat(i18n.locale(), options).format(date);
  }

  /** A <time> element: local date and time, the ISO value as machine-readable and as a tooltip. */
  function timeEl(iso) {
    if (!present(iso)) {
      return h('span', { class: 'muted', text: t('common.none') });
    }
    return h('time', { datetime: iso, title: iso, text: fmtDateTime(iso) });
  }

  function fmtAge(seconds) {
    if (!present(seconds)) {
      return t('common.none');
    }
    var s = Math.max(0, Math.round(seconds));
    if (s < 60) {
      return t('dur.s', { n: s });
    }
    if (s < 3600) {
      return t('dur.m', { n: Math.floor(s / 60) }) + (s % 60 ? ' ' + t('dur.s', { n: s % 60 }) : '');
    }
    if (s < 86400) {
      var m = Math.floor((s % 3600) / 60);
      return t('dur.h', { n: Math.floor(s / 3600) }) + (m ? ' ' + t('dur.m', { n: m }) : '');
    }
    var hours = Math.floor((s % 86400) / 3600);
    return t('dur.d', { n: Math.floor(s / 86400) }) + (hours ? ' ' + t('dur.h', { n: hours }) : '');
  }

  function fmtSize(bytes) {
    if (!present(bytes)) {
      return t('common.none');
    }
    var exact = t('size.bytes', { n: fmtNumber(bytes) });
    if (bytes < 1024) {
      return exact;
    }
    var units = ['KB', 'MB', 'GB'];
    var value = bytes / 1024;
    var unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    var nf = new Intl.NumberFormat(i18n.locale(), { maximumFractionDigits: 1 });
    return nf.format(value) + ' ' + units[unit] + ' (' + exact + ')';
  }

  /** The label of key+value when the dictionary knows it, else the value itself. */
  function label(prefix, value) {
    if (!present(value)) {
      return t('common.none');
    }
    return i18n.has(prefix + value) ? t(prefix + value) : String(value);
  }

  // status badges: a tone (colour) AND a symbol AND words, never colour alone
  var TONES = {
    ok: ['UP', 'Started', 'DELIVERED', 'OK', 'VALID'],
    info: ['PENDING', 'QUEUED', 'AVAILABLE', 'PROCESSING', 'INFO'],
    warn: ['Suspended', 'SUSPENDED', 'HELD', 'WARNING', 'OUT_OF_SERVICE', 'NOT_CHECKED'],
    bad: ['DOWN', 'Stopped', 'FAILED', 'REJECTED', 'FAILING', 'CRITICAL', 'ERROR', 'INVALID'],
    neutral: ['UNKNOWN', 'DISABLED', 'IDLE', 'UNSIGNED', 'REVOCATION_UNKNOWN']
  };
  var SYMBOLS = { ok: '✓', info: '→', warn: '!', bad: '✕', neutral: '–', pause: '‖' };

  function tone(value) {
    var found = 'neutral';
    Object.keys(TONES).forEach(function (name) {
      if (TONES[name].indexOf(value) >= 0) {
        found = name;
      }
    });
    return found;
  }

  function badge(value, text) {
    var kind = tone(value);
    var symbol = (value === 'Suspended' || value === 'SUSPENDED' || value === 'HELD') ? SYMBOLS.pause : SYMBOLS[kind];
    return h('span', { class: 'badge badge-' + kind, 'data-state': value, title: value }, [
      h('span', { class: 'badge-symbol', 'aria-hidden': 'true', text: symbol }), ' ', text
    ]);
  }

  function stateBadge(deliveryState) {
    return badge(deliveryState, label('state.', deliveryState));
  }

  /** An error message from the gateway: at most three lines in a table, the whole of it as the tooltip. */
  function errorText_(message) {
    return h('span', { class: 'error-text clamp', title: message || '', text: message || '' });
  }

  function emptyRow(tbody, columns, key) {
    tbody.appendChild(h('tr', { class: 'empty' }, h('td', { colspan: columns, text: t(key) })));
  }

  function operatorColumns(count) {
    return state.canOperate ? count : count - 1;
  }

  // ================================================================== messages

  function flash(kind, text) {
    var box = clear(byId('flash'));
    if (!text) {
      return;
    }
    box.appendChild(h('div', { class: 'message message-' + kind }, [
      h('span', { class: 'flash-text', text: text }), ' ',
      h('button', { type: 'button', class: 'link-button', text: t('common.close'),
        onclick: function () { clear(box); } })
    ]));
  }

  function errorText(error) {
    if (!error || error.status === undefined) {
      return String(error);
    }
    if (error.status === 0) {
      return t('error.network');
    }
    if (error.status === 403) {
      return t('error.forbidden') + (error.desc ? ' (' + error.desc + ')' : '');
    }
    if (error.status === 404) {
      return t('error.notFound') + (error.desc ? ' (' + error.desc + ')' : '');
    }
    return t('error.http', { status: error.status + (error.code ? '/' + error.code : ''), desc: error.desc || '' });
  }

  function connectionProblem(error) {
    var banner = byId('connection-error');
    if (error && error.status === 401) {
      return; // on the way to the login page
    }
    banner.hidden = !error;
    banner.textContent = error ? errorText(error) : '';
  }

  // ================================================================== who am I

  function loadMe() {
    return api.get('/api/v1/me').then(function (me) {
      api.signedIn = true;
      state.me = me;
      state.canOperate = me && (me.role === 'OPERATOR' || me.role === 'ADMIN');
    }, function (error) {
      if (error.status === 401) {
        throw error;
      }
      state.me = null;
      state.canOperate = false;
      flash('error', t('error.noMe') + ' ' + errorText(error));
    }).then(renderMe);
  }

  function renderMe() {
    var body = doc.body;
    body.classList.toggle('can-operate', state.canOperate);
    body.classList.toggle('read-only', !state.canOperate);
    byId('readonly-note').hidden = !(state.me && state.me.role === 'VIEWER');
    var info = byId('user-info');
    if (state.me) {
      info.textContent = t('user.signedInAs', {
        user: state.me.username,
        role: i18n.has('role.' + state.me.role) ? t('role.' + state.me.role) : t('role.unknown')
      });
      info.setAttribute('data-role', state.me.role || '');
    } else {
      info.textContent = '';
    }
  }

  // ================================================================== navigation

  function parseHash() {
    var hash = decodeURIComponent((global.location.hash || '').replace(/^#/, ''));
    if (hash.indexOf('document/') === 0) {
      return { view: 'documents', docId: hash.substring('document/'.length) };
    }
    if (['overview', 'routes', 'agencies', 'links', 'documents', 'dead-letters'].indexOf(hash) >= 0) {
      return { view: hash, docId: null };
    }
    return { view: 'overview', docId: null };
  }

  function showView() {
    var target = parseHash();
    var changed = target.view !== state.view || target.docId !== state.docId;
    state.view = target.view;
    state.docId = target.docId;
    doc.querySelectorAll('section.view').forEach(function (section) {
      section.hidden = section.getAttribute('data-view') !== state.view;
    });
    doc.querySelectorAll('nav.tabs a[data-view]').forEach(function (a) {
      if (a.getAttribute('data-view') === state.view) {
        a.setAttribute('aria-current', 'page');
      } else {
        a.removeAttribute('aria-current');
      }
    });
    byId('documents-list').hidden = state.view === 'documents' && !!state.docId;
    byId('document-detail').hidden = !(state.view === 'documents' && state.docId);
    if (changed) {
      clear(byId('flash'));
      state.focusTitle = !!state.docId;
      if (state.docId) {
        var detail = clear(byId('document-detail'));
        detail.appendChild(h('p', { class: 'muted', text: t('doc.loading') }));
        delete state.rendered.document;
      }
      refresh(true);
    }
    updateTitle();
  }

  function updateTitle() {
    var names = { overview: 'nav.overview', routes: 'nav.routes', agencies: 'nav.agencies', links: 'nav.links',
                  documents: 'nav.documents', 'dead-letters': 'nav.deadLetters' };
    doc.title = t(names[state.view] || 'nav.overview') + ' · ' + t('app.title');
  }

  // ================================================================== refresh

  function searchPaused() {
    return state.view === 'documents' && !state.docId
      && (Date.now() - state.lastInputAt < TYPING_PAUSE_MS || formDirty());
  }

  /** Loads the visible view; timer says whether this is the periodic refresh (which may pause). */
  function refresh(force, timer) {
    var status = byId('refresh-status');
    if (timer && searchPaused()) {
      status.textContent = t('refresh.pausedTyping');
      return Promise.resolve();
    }
    if (state.loading && !force) {
      return Promise.resolve();
    }
    state.loading = true;
    var ctx = { force: !!force, seq: ++state.seq };
    var job;
    switch (state.view) {
      case 'routes': job = loadRoutes(ctx); break;
      case 'agencies': job = loadAgencies(ctx); break;
      case 'links': job = loadLinks(ctx); break;
      case 'documents': job = state.docId ? loadDocument(ctx) : loadDocuments(ctx); break;
      case 'dead-letters': job = loadDeadLetters(ctx); break;
      default: job = loadOverview(ctx);
    }
    return job.then(function () {
      connectionProblem(null);
      status.textContent = t('refresh.updated', { time: fmtClock(new Date(), true) });
      doc.body.setAttribute('data-loaded-view', state.view + (state.docId ? ':' + state.docId : ''));
    }, function (error) {
      connectionProblem(error);
    }).then(function () {
      state.loading = false;
    });
  }

  function tick() {
    if (!byId('auto-refresh').checked) {
      byId('refresh-status').textContent = t('refresh.off');
      return;
    }
    if (doc.hidden) {
      return;
    }
    refresh(false, true);
  }

  /** Calls render only when the data differ from what is shown (or force): focus and selection survive. */
  function renderIfChanged(key, data, ctx, render) {
    if (ctx.seq < (state.renderedSeq[key] || 0)) {
      return; // a later refresh has already shown newer data
    }
    state.renderedSeq[key] = ctx.seq;
    var json = JSON.stringify(data);
    state.data[key] = data;
    if (!ctx.force && state.rendered[key] === json) {
      return;
    }
    var active = doc.activeElement;
    var focusKey = active && active.getAttribute && active.getAttribute('data-focus-key');
    render(data);
    state.rendered[key] = json;
    if (focusKey) {
      var again = doc.querySelector('[data-focus-key="' + cssEscape(focusKey) + '"]');
      if (again) {
        again.focus();
      }
    }
  }

  function cssEscape(value) {
    return global.CSS && global.CSS.escape ? global.CSS.escape(value) : value.replace(/["\\]/g, '\\$&');
  }

  // ================================================================== 1. overview

  function loadOverview(ctx) {
    var overview = api.get('/api/v1/overview').then(function (data) {
      renderIfChanged('overview', data, ctx, renderOverview);
    });
    var queues = api.get('/api/v1/queues').then(function (data) {
      renderIfChanged('queues', data, ctx, renderQueues);
    }, function (error) {
      if (error.status === 401) {
        throw error;
      }
      renderQueuesError(error);
    });
    var refusals = api.get('/api/v1/refusals?limit=20').then(function (data) {
      renderIfChanged('refusals', data, ctx, renderRefusals);
    });
    return Promise.all([overview, queues, refusals]);
  }

  function renderOverview(data) {
    var health = clear(byId('health-body'));
    health.appendChild(h('p', { class: 'health-main' }, badge(data.health || 'UNKNOWN', label('health.', data.health || 'UNKNOWN'))));
    var components = data.components || {};
    var list = h('dl', { class: 'pairs' });
    Object.keys(components).forEach(function (name) {
      list.appendChild(h('dt', { text: label('component.', name) }));
      list.appendChild(h('dd', { 'data-component': name }, badge(components[name], label('health.', components[name]))));
    });
    health.appendChild(list);

    byId('documents-today').textContent = fmtNumber(data.documentsToday);
    var backlog = data.backlog || {};
    byId('backlog-count').textContent = fmtNumber(backlog.deliveries);
    byId('backlog-oldest').textContent = backlog.deliveries && present(backlog.oldestAgeSeconds)
      ? t('overview.oldest', { age: fmtAge(backlog.oldestAgeSeconds) }) : '';
    var failures = data.failures || {};
    setCount(byId('failed-deliveries'), failures.failedDeliveries);
    setCount(byId('dead-letter-count'), failures.deadLetters);

    renderChart(data.documentsPerMinute || []);
    renderAlerts(data.alerts || []);
  }

  /** Classified documents refused: metadata and the finding only (the gateway never kept their content). */
  function renderRefusals(refusals) {
    var tbody = clear(byId('refusals-table').tBodies[0]);
    if (!refusals.length) {
      emptyRow(tbody, 6, 'refusals.empty');
      return;
    }
    refusals.forEach(function (r) {
      tbody.appendChild(h('tr', { 'data-refusal-id': r.id }, [
        h('td', null, timeEl(r.createdAt)),
        h('td', null, [h('code', { text: r.fromCode || '' }), h('br'), h('span', { class: 'muted', text: r.senderSystem || '' })]),
        h('td', { class: 'wrap' }, h('code', { text: r.toCodes || '' })),
        h('td', { text: [r.codeNumber, r.codeNotation].filter(present).join('/') || t('common.none') }),
        h('td', null, badge('FAILED', r.markText || r.mark)),
        h('td', { class: 'wrap', text: r.foundIn || '' })
      ]));
    });
  }

  function setCount(el, n) {
    clear(el);
    if (n > 0) {
      el.appendChild(badge('FAILED', fmtNumber(n)));
    } else {
      el.appendChild(badge('OK', fmtNumber(n || 0)));
    }
  }

  function renderAlerts(alerts) {
    var list = clear(byId('alerts'));
    if (!alerts.length) {
      list.appendChild(h('li', { class: 'alert-none' }, badge('OK', t('overview.noAlerts'))));
      return;
    }
    alerts.forEach(function (alert) {
      var text;
      if (i18n.lang() === 'vi' && present(alert.message)) {
        text = alert.message;
      } else if (i18n.has('alert.' + alert.code)) {
        text = t('alert.' + alert.code, { subject: alert.subject || '' });
      } else {
        text = alert.message || alert.code;
      }
      list.appendChild(h('li', { class: 'alert', 'data-alert-code': alert.code }, [
        badge(alert.severity || 'WARNING', label('severity.', alert.severity || 'WARNING')), ' ',
        h('span', { class: 'alert-text', text: text }),
        present(alert.subject) && text.indexOf(alert.subject) < 0 ? h('span', { class: 'muted', text: ' (' + alert.subject + ')' }) : null,
        present(alert.since) ? h('span', { class: 'muted alert-since' }, [' · ', t('alert.since', { time: '' }).trim(), ' ', timeEl(alert.since)]) : null
      ]));
    });
  }

  /** Nice upper bound for the y axis: 5, 10, 20, 50, 100, ... */
  function niceMax(max) {
    if (max <= 5) {
      return 5;
    }
    var power = Math.pow(10, Math.floor(Math.log10(max)));
    var steps = [1, 2, 5, 10];
    for (var i = 0; i < steps.length; i++) {
      if (steps[i] * power >= max) {
        return steps[i] * power;
      }
    }
    return 10 * power;
  }

  function renderChart(points) {
    var box = clear(byId('chart'));
    var W = 720, H = 230, left = 44, right = 10, top = 26, bottom = 30;
    var plotW = W - left - right, plotH = H - top - bottom;
    var counts = points.map(function (p) { return Number(p.count) || 0; });
    var total = counts.reduce(function (a, b) { return a + b; }, 0);
    var max = counts.length ? Math.max.apply(null, counts) : 0;
    var yMax = niceMax(max);
    var slots = Math.max(points.length, 1);
    var slot = plotW / slots;
    var barW = Math.max(1, slot - 2);

    var titleId = 'chart-svg-title', descId = 'chart-svg-desc';
    var summary;
    if (total === 0) {
      summary = t('overview.chartEmpty');
    } else {
      var at = counts.indexOf(max);
      summary = t('overview.chartSummary', { total: fmtNumber(total), max: fmtNumber(max),
        time: fmtClock(new Date(points[at].minute)) });
    }
    var chart = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, class: 'chart-svg', role: 'img',
      'aria-labelledby': titleId + ' ' + descId, preserveAspectRatio: 'xMidYMid meet' }, [
      svg('title', { id: titleId, text: t('overview.chartTitle') }),
      svg('desc', { id: descId, text: summary })
    ]);

    // horizontal grid and y labels at 0, half and max
    [0, yMax / 2, yMax].forEach(function (value) {
      var y = top + plotH - (value / yMax) * plotH;
      chart.appendChild(svg('line', { x1: left, x2: W - right, y1: y, y2: y, class: value === 0 ? 'axis' : 'grid' }));
      chart.appendChild(svg('text', { x: left - 6, y: y + 4, 'text-anchor': 'end', class: 'tick',
        text: Number.isInteger(value) ? fmtNumber(value) : new Intl.NumberFormat(i18n.locale(), { maximumFractionDigits: 1 }).format(value) }));
    });
    chart.appendChild(svg('text', { x: 4, y: 12, class: 'tick', text: t('overview.chartAxis') }));

    points.forEach(function (point, index) {
      var count = counts[index];
      var x = left + index * slot + (slot - barW) / 2;
      var when = new Date(point.minute);
      var barH = (count / yMax) * plotH;
      var tip = t('overview.chartBar', { time: fmtClock(when), count: fmtNumber(count) });
      if (count > 0) {
        chart.appendChild(svg('rect', { x: x.toFixed(1), y: (top + plotH - barH).toFixed(1), width: barW.toFixed(1),
          height: Math.max(barH, 1).toFixed(1), class: 'bar', 'data-count': count, 'data-minute': point.minute },
          svg('title', { text: tip })));
      }
      // an x label every 10 minutes, counted from the newest minute
      if ((points.length - 1 - index) % 10 === 0) {
        var cx = left + index * slot + slot / 2;
        chart.appendChild(svg('line', { x1: cx, x2: cx, y1: top + plotH, y2: top + plotH + 4, class: 'axis' }));
        chart.appendChild(svg('text', { x: cx, y: H - 10, 'text-anchor': 'middle', class: 'tick', text: fmtClock(when) }));
      }
    });
    box.appendChild(chart);
    byId('chart-summary').textContent = summary;
  }

  function renderQueues(queues) {
    var tbody = clear(byId('queues-table').tBodies[0]);
    if (!queues || !queues.length) {
      emptyRow(tbody, 5, 'queue.empty');
      return;
    }
    queues.forEach(function (q) {
      tbody.appendChild(h('tr', { 'data-queue': q.name }, [
        h('th', { scope: 'row' }, [h('code', { text: q.name }), q.deadLetter ? h('span', { class: 'muted', text: ' (' + t('queue.dlq') + ')' }) : null]),
        h('td', { class: 'num' }, q.deadLetter && q.messageCount > 0 ? badge('FAILED', fmtNumber(q.messageCount)) : fmtNumber(q.messageCount)),
        h('td', { class: 'num', text: fmtNumber(q.deliveringCount) }),
        h('td', { class: 'num', text: fmtNumber(q.consumerCount) }),
        h('td', { class: 'num', text: fmtNumber(q.messagesAdded) })
      ]));
    });
  }

  function renderQueuesError(error) {
    delete state.rendered.queues;
    var tbody = clear(byId('queues-table').tBodies[0]);
    tbody.appendChild(h('tr', { class: 'empty' }, h('td', { colspan: 5, text: errorText(error) })));
  }

  // ================================================================== 2. routes

  function loadRoutes(ctx) {
    return api.get('/api/v1/routes').then(function (routes) {
      renderIfChanged('routes', routes, ctx, renderRoutes);
    });
  }

  // the order in which a document goes through them; unknown routes after, by id
  var ROUTE_ORDER = ['intake', 'dispatch', 'delivery-pull', 'delivery-push', 'dead-letter', 'sweeper'];

  function routeRank(id) {
    var i = ROUTE_ORDER.indexOf(id);
    return i < 0 ? ROUTE_ORDER.length : i;
  }

  /** Camel reports -1 when a route has not completed an exchange yet. */
  function fmtMillis(ms) {
    return present(ms) && ms >= 0 ? fmtNumber(ms) : t('common.none');
  }

  function renderRoutes(routes) {
    routes = routes.slice().sort(function (a, b) {
      return routeRank(a.id) - routeRank(b.id) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    });
    var tbody = clear(byId('routes-table').tBodies[0]);
    if (!routes.length) {
      emptyRow(tbody, operatorColumns(8), 'routes.empty');
      return;
    }
    routes.forEach(function (route) {
      var description = i18n.has('route.desc.' + route.id) ? t('route.desc.' + route.id) : route.description;
      var failure = route.lastFailure;
      tbody.appendChild(h('tr', { 'data-route-id': route.id, 'data-state': route.state }, [
        h('th', { scope: 'row' }, [h('code', { class: 'route-id', text: route.id }), h('br'),
          h('span', { class: 'muted', text: description || '' })]),
        h('td', null, badge(route.state, label('route.state.', route.state))),
        h('td', { class: 'num', text: fmtNumber(route.exchangesTotal) }),
        h('td', { class: 'num' }, route.exchangesFailed > 0 ? badge('FAILED', fmtNumber(route.exchangesFailed)) : fmtNumber(route.exchangesFailed)),
        h('td', { class: 'num', text: fmtNumber(route.exchangesInflight) }),
        h('td', { class: 'num', text: [route.meanProcessingMillis, route.maxProcessingMillis, route.lastProcessingMillis]
          .map(fmtMillis).join(' / ') }),
        h('td', { class: 'wrap' }, failure ? [timeEl(failure.at), h('br'), errorText_(failure.message)] : t('common.none')),
        state.canOperate ? h('td', { class: 'actions' }, routeButton(route)) : null
      ]));
    });
  }

  function routeButton(route) {
    var suspend = route.state === 'Started';
    return h('button', {
      type: 'button', class: 'button' + (suspend ? ' button-warn' : ''),
      'data-action': suspend ? 'suspend' : 'resume', 'data-focus-key': 'route:' + route.id,
      'aria-label': t(suspend ? 'action.suspendRoute' : 'action.resumeRoute', { id: route.id }),
      text: t(suspend ? 'action.suspend' : 'action.resume'),
      onclick: function (event) {
        if (suspend && !global.confirm(t('confirm.suspendRoute', { id: route.id }))) {
          return;
        }
        act(event.currentTarget, '/api/v1/routes/' + encodeURIComponent(route.id) + (suspend ? '/suspend' : '/resume'), null,
          function () { return t(suspend ? 'msg.routeSuspended' : 'msg.routeResumed', { id: route.id }); });
      }
    });
  }

  /** A POST from a button: the button is disabled meanwhile; the view reloads after. */
  function act(button, path, body, success) {
    if (button) {
      button.disabled = true;
    }
    return api.post(path, body).then(function (result) {
      flash('success', success(result));
    }, function (error) {
      flash('error', errorText(error));
    }).then(function () {
      if (button) {
        button.disabled = false;
      }
      return refresh(true);
    });
  }

  // ================================================================== 3. agencies

  function loadAgencies(ctx) {
    return Promise.all([api.get('/api/v1/agencies'), api.get('/api/v1/directory/retirements')]).then(function (both) {
      var successors = {};
      both[1].forEach(function (r) { successors[r.code] = r; });
      both[0].forEach(function (agency) { agency.retirement = successors[agency.code] || null; });
      renderIfChanged('agencies', both[0], ctx, renderAgencies);
    });
  }

  function connection(agency) {
    if (agency.enabled === false) {
      return 'DISABLED';
    }
    if (agency.suspended) {
      return 'SUSPENDED';
    }
    if (agency.consecutiveFailures > 0) {
      return 'FAILING';
    }
    return present(agency.lastSuccessAt) ? 'OK' : 'IDLE';
  }

  function renderAgencies(agencies) {
    var tbody = clear(byId('agencies-table').tBodies[0]);
    if (!agencies.length) {
      emptyRow(tbody, operatorColumns(8), 'agencies.empty');
      return;
    }
    agencies.forEach(function (agency) {
      var conn = connection(agency);
      tbody.appendChild(h('tr', { 'data-agency-code': agency.code, 'data-connection': conn }, [
        h('th', { scope: 'row', class: 'agency' }, [h('code', { text: agency.code }), h('br'),
          h('span', { class: 'agency-name', text: agency.name || '' }),
          agency.retirement ? [h('br'), h('span', { class: 'retired', 'data-successor': agency.retirement.successorCode,
            text: t('agencies.retired', { successor: agency.retirement.successorCode }) +
              (agency.retirement.onDocument === 'REFUSE' ? ' ' + t('agencies.retiredRefuse') : '') })] : null]),
        h('td', { text: label('side.', agency.side) }),
        h('td', null, [label('mode.', agency.deliveryMode),
          present(agency.pushEndpoint) ? [h('br'), h('code', { class: 'endpoint', title: agency.pushEndpoint, text: agency.pushEndpoint })] : null]),
        h('td', null, [badge(conn, t('conn.' + conn)), agency.consecutiveFailures > 0
          ? [h('br'), h('span', { class: 'error-text', text: t('agencies.consecutive', { n: fmtNumber(agency.consecutiveFailures) }) })]
          : null]),
        h('td', null, timeEl(agency.lastSuccessAt)),
        h('td', { class: 'wrap' }, present(agency.lastFailureAt) || present(agency.lastFailure)
          ? [timeEl(agency.lastFailureAt), h('br'), errorText_(agency.lastFailure)]
          : t('common.none')),
        h('td', { class: 'num', text: agency.backlog > 0 && present(agency.oldestBacklogAgeSeconds)
          ? t('agencies.waiting', { n: fmtNumber(agency.backlog), age: fmtAge(agency.oldestBacklogAgeSeconds) })
          : fmtNumber(agency.backlog || 0) }),
        state.canOperate ? h('td', { class: 'actions' }, [agencyButton(agency),
          state.me && state.me.role === 'ADMIN' ? retireButton(agency) : null]) : null
      ]));
    });
  }

  function agencyButton(agency) {
    var suspend = !agency.suspended;
    return h('button', {
      type: 'button', class: 'button' + (suspend ? ' button-warn' : ''),
      'data-action': suspend ? 'suspend' : 'resume', 'data-focus-key': 'agency:' + agency.code,
      'aria-label': t(suspend ? 'action.suspendAgency' : 'action.resumeAgency', { code: agency.code }),
      text: t(suspend ? 'action.suspend' : 'action.resume'),
      onclick: function (event) {
        if (suspend && !global.confirm(t('confirm.suspendAgency', { code: agency.code }))) {
          return;
        }
        act(event.currentTarget, '/api/v1/agencies/' + encodeURIComponent(agency.code) + (suspend ? '/suspend' : '/resume'), null,
          function () { return t(suspend ? 'msg.agencySuspended' : 'msg.agencyResumed', { code: agency.code }); });
      }
    });
  }

  /** ADMIN: retire the agency's code in favour of a successor, or take a retired code back into use. */
  function retireButton(agency) {
    var retired = !!agency.retirement;
    return h('button', {
      type: 'button', class: 'button', 'data-action': retired ? 'reinstate' : 'retire',
      'aria-label': t(retired ? 'action.reinstateAgency' : 'action.retireAgency', { code: agency.code }),
      text: t(retired ? 'action.reinstate' : 'action.retire'),
      onclick: function (event) {
        var button = event.currentTarget;
        if (retired) {
          button.disabled = true;
          api.del('/api/v1/directory/agencies/' + encodeURIComponent(agency.code) + '/retire').then(function () {
            flash('success', t('msg.agencyReinstated', { code: agency.code }));
          }, function (error) { flash('error', errorText(error)); }).then(function () {
            button.disabled = false;
            return refresh(true);
          });
          return;
        }
        var successor = global.prompt(t('prompt.successor', { code: agency.code }));
        if (!successor || !successor.trim()) {
          return;
        }
        act(button, '/api/v1/directory/agencies/' + encodeURIComponent(agency.code) + '/retire',
          { successor: successor.trim() },
          function () { return t('msg.agencyRetired', { code: agency.code, successor: successor.trim() }); });
      }
    });
  }

  // ================================================================== 3b. links to other axes

  function loadLinks(ctx) {
    return api.get('/api/v1/directory/links').then(function (links) {
      renderIfChanged('links', links, ctx, renderLinks);
    });
  }

  function renderLinks(links) {
    var tbody = clear(byId('links-table').tBodies[0]);
    if (!links.length) {
      emptyRow(tbody, 7, 'links.empty');
      return;
    }
    links.forEach(function (link) {
      tbody.appendChild(h('tr', { 'data-link-id': link.id, 'data-state': link.state }, [
        h('th', { scope: 'row', class: 'agency' }, [h('code', { text: link.id }), h('br'),
          h('span', { class: 'agency-name', text: link.name || '' })]),
        h('td', null, [h('code', { class: 'endpoint', title: link.endpoint, text: link.endpoint }), h('br'),
          h('code', { text: link.systemId })]),
        h('td', null, [badge(link.state, t('linkstate.' + link.state)), present(link.failingSince)
          ? [h('br'), h('span', { class: 'error-text', text: t('links.failingSince') + ' ' }), timeEl(link.failingSince)]
          : null]),
        h('td', { class: 'wrap' }, present(link.lastError) ? errorText_(link.lastError) : t('common.none')),
        h('td', null, timeEl(link.lastSuccessAt)),
        h('td', null, timeEl(link.lastPolledAt)),
        h('td', { class: 'num', text: fmtNumber(link.backlog || 0) })
      ]));
    });
  }

  // ================================================================== 4. documents: search

  var SEARCH_FIELDS = ['documentId', 'code', 'sender', 'recipient', 'state', 'messageType', 'from', 'to', 'sort'];

  function fillSelects() {
    var stateSelect = byId('q-state');
    var value = stateSelect.value;
    clear(stateSelect).appendChild(h('option', { value: '', text: t('common.all') }));
    STATES.forEach(function (s) {
      stateSelect.appendChild(h('option', { value: s, text: t('state.' + s) + ' (' + s + ')' }));
    });
    stateSelect.value = value;

    var typeSelect = byId('q-messageType');
    value = typeSelect.value;
    clear(typeSelect).appendChild(h('option', { value: '', text: t('common.all') }));
    ['edoc', 'status'].forEach(function (type) {
      typeSelect.appendChild(h('option', { value: type, text: t('messageType.' + type) }));
    });
    typeSelect.value = value;

    var sortSelect = byId('q-sort');
    value = sortSelect.value || SORTS[0];
    clear(sortSelect);
    SORTS.forEach(function (sort) {
      sortSelect.appendChild(h('option', { value: sort, text: t('sort.' + sort) }));
    });
    sortSelect.value = value;
  }

  function formValues() {
    var values = {};
    SEARCH_FIELDS.forEach(function (name) {
      var value = byId('q-' + name).value.trim();
      if (value) {
        values[name] = value;
      }
    });
    if (values.sort === SORTS[0]) {
      delete values.sort;
    }
    return values;
  }

  function formDirty() {
    var form = formValues();
    var applied = state.search;
    return SEARCH_FIELDS.some(function (name) {
      return (form[name] || '') !== (applied[name] || '');
    });
  }

  /** datetime-local (the browser's time zone) to an ISO-8601 UTC instant. */
  function toInstant(local) {
    if (!local) {
      return '';
    }
    var d = new Date(local);
    return isNaN(d.getTime()) ? '' : d.toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  function loadDocuments(ctx) {
    var s = state.search;
    var path = '/api/v1/documents' + api.query({
      documentId: s.documentId, code: s.code, sender: s.sender, recipient: s.recipient, state: s.state,
      messageType: s.messageType, from: toInstant(s.from), to: toInstant(s.to),
      page: s.page || 0, size: DOC_PAGE_SIZE, sort: s.sort || SORTS[0]
    });
    return api.get(path).then(function (page) {
      renderIfChanged('documents', page, ctx, renderDocuments);
    });
  }

  function renderDocuments(page) {
    var tbody = clear(byId('documents-table').tBodies[0]);
    var content = page.content || [];
    if (!content.length) {
      emptyRow(tbody, 7, 'documents.empty');
    }
    content.forEach(function (d) {
      var title = d.code || d.documentId || d.docId;
      var row = h('tr', { 'data-doc-id': d.docId, 'data-document-id': d.documentId || '', class: 'clickable-row',
        onclick: function (event) {
          if (event.target.closest('a, button')) {
            return;
          }
          global.location.hash = '#document/' + encodeURIComponent(d.docId);
        }
      }, [
        h('td', null, timeEl(d.receivedAt)),
        h('td', null, h('a', { href: '#document/' + encodeURIComponent(d.docId), class: 'doc-link',
          'aria-label': t('documents.open', { code: title }), 'data-focus-key': 'doc:' + d.docId, text: title })),
        h('td', { class: 'wrap subject', text: d.subject || '' }),
        h('td', null, h('code', { text: d.sender || '' })),
        h('td', null, h('ul', { class: 'recipients' }, (d.recipients || []).map(function (r) {
          return h('li', { 'data-recipient': r.code }, [h('code', { text: r.code }), ' ', stateBadge(r.state)]);
        }))),
        h('td', { text: label('messageType.', d.messageType) }),
        h('td', { text: label('priority.', d.priority) })
      ]);
      tbody.appendChild(row);
    });
    renderPager(byId('documents-pager'), page, function (p) {
      state.search.page = p;
      refresh(true);
    });
  }

  function renderPager(nav, page, go) {
    clear(nav);
    var size = page.size || 1;
    var total = page.totalElements || 0;
    var pages = Math.max(1, Math.ceil(total / size));
    var current = page.page || 0;
    nav.appendChild(h('button', { type: 'button', class: 'button', 'data-page': 'prev', disabled: current <= 0,
      text: t('pager.prev'), onclick: function () { go(current - 1); } }));
    nav.appendChild(h('span', { class: 'pager-summary', text: t('pager.summary',
      { page: fmtNumber(current + 1), pages: fmtNumber(pages), total: fmtNumber(total) }) }));
    nav.appendChild(h('button', { type: 'button', class: 'button', 'data-page': 'next', disabled: current + 1 >= pages,
      text: t('pager.next'), onclick: function () { go(current + 1); } }));
  }

  function bindSearchForm() {
    var form = byId('search-form');
    ['input', 'keydown', 'change'].forEach(function (type) {
      form.addEventListener(type, function () {
        state.lastInputAt = Date.now();
        byId('refresh-status').textContent = t('refresh.pausedTyping');
      });
    });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      state.search = formValues();
      state.search.page = 0;
      state.lastInputAt = 0;
      refresh(true);
    });
    form.addEventListener('reset', function () {
      // after the browser has cleared the fields
      global.setTimeout(function () {
        byId('q-sort').value = SORTS[0];
        state.search = { page: 0 };
        state.lastInputAt = 0;
        refresh(true);
      }, 0);
    });
  }

  // ================================================================== 4. documents: one document

  function loadDocument(ctx) {
    var docId = state.docId;
    return api.get('/api/v1/documents/' + encodeURIComponent(docId)).then(function (d) {
      if (docId === state.docId) {
        renderIfChanged('document', d, ctx, renderDocument);
      }
    }, function (error) {
      if (error.status === 404 && docId === state.docId) {
        delete state.rendered.document;
        var detail = clear(byId('document-detail'));
        detail.appendChild(h('p', null, h('a', { href: '#documents', class: 'back', text: t('doc.back') })));
        detail.appendChild(h('p', { class: 'message message-error', role: 'alert', text: errorText(error) }));
        return;
      }
      throw error;
    });
  }

  function renderDocument(d) {
    var detail = clear(byId('document-detail'));
    detail.setAttribute('data-doc-id', d.docId);
    var title = d.code || d.documentId || d.docId;
    detail.appendChild(h('p', null, h('a', { href: '#documents', class: 'back', text: t('doc.back') })));
    var heading = h('h1', { id: 'document-title', tabindex: '-1', text: t('doc.title', { code: title }) });
    detail.appendChild(heading);
    if (present(d.subject)) {
      detail.appendChild(h('p', { class: 'lead', text: d.subject }));
    }
    detail.appendChild(h('p', { class: 'message message-info', text: t('doc.contentNote') }));

    // metadata
    var sig = d.signature || {};
    var rows = [
      ['doc.docId', h('code', { text: d.docId })],
      ['doc.documentId', present(d.documentId) ? h('code', { text: d.documentId }) : null],
      ['doc.messageType', label('messageType.', d.messageType)],
      ['doc.code', d.code],
      ['doc.typeName', d.typeName],
      ['doc.sender', present(d.sender) ? h('code', { text: d.sender }) : null],
      ['doc.senderSystem', present(d.senderSystem) ? h('code', { text: d.senderSystem }) : null],
      ['doc.channel', d.channel],
      ['doc.priority', present(d.priority) ? label('priority.', d.priority) : null],
      ['doc.businessDocType', present(d.businessDocType) ? label('businessDocType.', d.businessDocType) : null],
      ['doc.statusCode', present(d.statusCode) ? d.statusCode + ' · ' + label('status.', d.statusCode) : null],
      ['doc.relatedDocId', present(d.relatedDocId) ? h('a', { href: '#document/' + encodeURIComponent(d.relatedDocId), text: d.relatedDocId }) : null],
      ['doc.receivedAt', present(d.receivedAt) ? timeEl(d.receivedAt) : null],
      ['doc.size', present(d.size) ? fmtSize(d.size) : null],
      ['doc.sha256', present(d.sha256) ? h('code', { class: 'hash', text: d.sha256 }) : null],
      ['doc.signature', present(sig.status) ? badge(sig.status, label('signature.', sig.status)) : null],
      ['doc.signer', present(sig.signer) ? h('code', { text: sig.signer }) : null]
    ];
    var dl = h('dl', { class: 'meta' });
    rows.forEach(function (row) {
      if (present(row[1])) {
        dl.appendChild(h('dt', { text: t(row[0]) }));
        dl.appendChild(h('dd', { 'data-field': row[0].substring(4) }, row[1]));
      }
    });
    detail.appendChild(h('section', { class: 'card', 'aria-labelledby': 'doc-meta-title' }, [
      h('h2', { id: 'doc-meta-title', text: t('doc.metadata') }), dl]));

    // deliveries
    var recipientOf = {};
    var deliveries = d.deliveries || [];
    var dtbody = h('tbody');
    deliveries.forEach(function (delivery) {
      recipientOf[delivery.id] = delivery.recipient;
      var resendable = delivery.state === 'FAILED' || delivery.state === 'REJECTED';
      dtbody.appendChild(h('tr', { 'data-delivery-id': delivery.id, 'data-recipient': delivery.recipient, 'data-state': delivery.state }, [
        h('th', { scope: 'row' }, h('code', { text: delivery.recipient })),
        h('td', { text: label('mode.', delivery.mode) }),
        h('td', { class: 'delivery-state' }, stateBadge(delivery.state)),
        h('td', { class: 'num', text: fmtNumber(delivery.attempts || 0) }),
        h('td', { class: 'wrap' }, !present(delivery.lastError) ? t('common.none')
          : delivery.state === 'DELIVERED' ? h('span', { class: 'muted clamp', title: delivery.lastError, text: delivery.lastError })
          : errorText_(delivery.lastError)),
        h('td', { text: present(delivery.businessStatus) ? delivery.businessStatus + ' · ' + label('status.', delivery.businessStatus) : t('common.none') }),
        h('td', null, timeEl(delivery.updatedAt)),
        h('td', null, timeEl(delivery.deliveredAt)),
        state.canOperate ? h('td', { class: 'actions' }, resendable ? resendButton(delivery.id, delivery.recipient) : null) : null
      ]));
    });
    if (!deliveries.length) {
      emptyRow(dtbody, operatorColumns(9), 'doc.noDeliveries');
    }
    var dhead = h('tr', null, [
      th('delivery.col.recipient'), th('delivery.col.mode'), th('delivery.col.state'), th('delivery.col.attempts', 'num'),
      th('delivery.col.lastError'), th('delivery.col.businessStatus'), th('delivery.col.updatedAt'),
      th('delivery.col.deliveredAt'), state.canOperate ? th('delivery.col.actions') : null
    ]);
    detail.appendChild(h('section', { class: 'card', 'aria-labelledby': 'doc-deliveries-title' }, [
      h('h2', { id: 'doc-deliveries-title', text: t('doc.deliveries') }),
      h('div', { class: 'table-wrap' }, h('table', { id: 'deliveries-table', class: 'data' }, [h('thead', null, dhead), dtbody]))
    ]));

    // PDF signatures: what the gateway found when it opened the attachments (NĐ 30/2020)
    var pdf = d.pdfSignatures || {};
    var pdfRows = pdf.signatures || [];
    var ptbody = h('tbody');
    pdfRows.forEach(function (signature) {
      ptbody.appendChild(h('tr', { 'data-pdf-status': signature.status }, [
        h('td', { class: 'wrap', text: (signature.attachmentName || '') + (signature.filePath && signature.filePath !== signature.attachmentName ? ' › ' + signature.filePath : '') }),
        h('td', null, badge(signature.status, label('pdfStatus.', signature.status))),
        h('td', { class: 'wrap', text: present(signature.signer) ? signature.signer : t('common.none') }),
        h('td', null, present(signature.signerAgency) ? h('code', { text: signature.signerAgency }) : t('common.none')),
        h('td', null, timeEl(signature.signingTime)),
        h('td', { class: 'wrap' }, present(signature.reason) ? errorText_(signature.reason) : t('common.none'))
      ]));
    });
    if (!pdfRows.length) {
      emptyRow(ptbody, 6, 'doc.noPdfSignatures');
    }
    var phead = h('tr', null, [th('pdf.col.file'), th('pdf.col.status'), th('pdf.col.signer'), th('pdf.col.agency'),
      th('pdf.col.signingTime'), th('pdf.col.reason')]);
    detail.appendChild(h('section', { class: 'card', 'aria-labelledby': 'doc-pdf-title' }, [
      h('h2', { id: 'doc-pdf-title', text: t('doc.pdfSignatures') }),
      present(pdf.verdict) ? h('p', { id: 'pdf-verdict' }, badge(pdf.verdict === 'SIGNED_VALID' ? 'VALID'
        : pdf.verdict === 'INVALID' || pdf.verdict === 'REVOCATION_UNKNOWN' ? pdf.verdict : 'UNSIGNED',
        label('pdfVerdict.', pdf.verdict))) : null,
      h('div', { class: 'table-wrap' }, h('table', { id: 'pdf-signatures-table', class: 'data' }, [h('thead', null, phead), ptbody]))
    ]));

    // timeline
    var events = d.events || [];
    var timeline = h('ol', { id: 'timeline', class: 'timeline' });
    events.forEach(function (event) {
      var text = i18n.lang() === 'vi' && present(event.label) ? event.label
        : (i18n.has('event.' + event.type) ? t('event.' + event.type) : (event.label || event.type));
      timeline.appendChild(h('li', { class: 'event event-' + tone(eventTone(event.type)), 'data-event-type': event.type }, [
        h('span', { class: 'event-time' }, timeEl(event.at)),
        h('span', { class: 'event-body' }, [
          h('strong', { class: 'event-label', text: text }),
          present(event.deliveryId) && recipientOf[event.deliveryId]
            ? h('span', { class: 'event-delivery' }, [' → ', h('code', { text: recipientOf[event.deliveryId] })]) : null,
          present(event.detail) ? h('span', { class: 'event-detail', text: event.detail }) : null,
          present(event.actor) ? h('span', { class: 'event-actor muted' }, [t('event.col.actor') + ': ', h('code', { text: event.actor })]) : null
        ])
      ]));
    });
    detail.appendChild(h('section', { class: 'card', 'aria-labelledby': 'doc-timeline-title' }, [
      h('h2', { id: 'doc-timeline-title', text: t('doc.timeline') }),
      events.length ? timeline : h('p', { class: 'muted', text: t('doc.noEvents') })
    ]));

    // related packets (statuses, revocations ...)
    var related = d.related || [];
    var rtbody = h('tbody');
    related.forEach(function (r) {
      rtbody.appendChild(h('tr', { 'data-doc-id': r.docId }, [
        h('td', null, h('a', { href: '#document/' + encodeURIComponent(r.docId), text: label('messageType.', r.messageType) })),
        h('td', { text: present(r.statusCode) ? r.statusCode + ' · ' + label('status.', r.statusCode) : t('common.none') }),
        h('td', null, h('code', { text: r.sender || '' })),
        h('td', null, timeEl(r.receivedAt))
      ]));
    });
    detail.appendChild(h('section', { class: 'card', 'aria-labelledby': 'doc-related-title' }, [
      h('h2', { id: 'doc-related-title', text: t('doc.related') }),
      related.length ? h('div', { class: 'table-wrap' }, h('table', { class: 'data' }, [
        h('thead', null, h('tr', null, [th('related.col.type'), th('related.col.status'), th('related.col.sender'), th('related.col.receivedAt')])),
        rtbody])) : h('p', { class: 'muted', text: t('doc.noRelated') })
    ]));
    if (state.focusTitle) {
      // a newly opened document: move the keyboard and screen reader to its heading
      state.focusTitle = false;
      heading.focus();
    }
  }

  function eventTone(type) {
    return { DELIVERED: 'DELIVERED', FAILED: 'FAILED', REJECTED: 'REJECTED', PUSH_FAILED: 'WARNING', HELD: 'WARNING' }[type] || 'QUEUED';
  }

  function th(key, cls) {
    return h('th', { scope: 'col', class: cls || null, text: t(key) });
  }

  function resendButton(id, recipient) {
    return h('button', {
      type: 'button', class: 'button button-primary', 'data-action': 'resend', 'data-delivery-id': id,
      'data-focus-key': 'resend:' + id, 'aria-label': t('action.resendOne', { recipient: recipient || '' }),
      text: t('action.resend'),
      onclick: function (event) {
        resend([id], event.currentTarget);
      }
    });
  }

  function resend(ids, button) {
    return act(button, '/api/v1/deliveries/resend', { ids: ids }, function (result) {
      (result && result.resent || []).forEach(function (id) { delete state.selected[id]; });
      return t('msg.resent', { resent: fmtNumber((result && result.resent || []).length),
        skipped: fmtNumber((result && result.skipped || []).length) });
    });
  }

  // ================================================================== 5. dead letters

  function loadDeadLetters(ctx) {
    var path = '/api/v1/deliveries' + api.query({ state: 'FAILED', page: state.deadPage, size: DEAD_PAGE_SIZE });
    return api.get(path).then(function (page) {
      renderIfChanged('dead', page, ctx, renderDeadLetters);
    });
  }

  function renderDeadLetters(page) {
    var tbody = clear(byId('dead-table').tBodies[0]);
    var content = page.content || [];
    var onPage = {};
    content.forEach(function (d) { onPage[d.id] = true; });
    Object.keys(state.selected).forEach(function (id) {
      if (!onPage[id]) {
        delete state.selected[id];
      }
    });
    if (!content.length) {
      emptyRow(tbody, state.canOperate ? 9 : 7, 'dead.empty');
    }
    content.forEach(function (d) {
      var title = d.subject || d.docId;
      tbody.appendChild(h('tr', { 'data-delivery-id': d.id, 'data-doc-id': d.docId, 'data-recipient': d.recipient }, [
        state.canOperate ? h('td', { class: 'select-col' }, h('input', {
          type: 'checkbox', class: 'select-delivery', value: d.id, checked: !!state.selected[d.id],
          'data-focus-key': 'select:' + d.id, 'aria-label': t('dead.selectOne', { recipient: d.recipient }),
          onchange: function (event) {
            if (event.currentTarget.checked) {
              state.selected[d.id] = true;
            } else {
              delete state.selected[d.id];
            }
            updateSelection();
          }
        })) : null,
        h('th', { scope: 'row' }, h('code', { text: d.recipient })),
        h('td', { class: 'wrap doc-col' }, h('a', { href: '#document/' + encodeURIComponent(d.docId), text: title })),
        h('td', null, h('code', { text: d.sender || '' })),
        h('td', { text: label('mode.', d.mode) }),
        h('td', { class: 'num', text: fmtNumber(d.attempts || 0) }),
        h('td', { class: 'wrap' }, errorText_(d.lastError)),
        h('td', null, timeEl(d.updatedAt)),
        state.canOperate ? h('td', { class: 'actions' }, resendButton(d.id, d.recipient)) : null
      ]));
    });
    renderPager(byId('dead-pager'), page, function (p) {
      state.deadPage = p;
      refresh(true);
    });
    updateSelection();
  }

  function updateSelection() {
    var ids = Object.keys(state.selected);
    var button = byId('resend-selected');
    button.textContent = t('action.resendSelected', { n: fmtNumber(ids.length) });
    button.disabled = ids.length === 0;
    var boxes = doc.querySelectorAll('#dead-table .select-delivery');
    var all = byId('dead-select-all');
    all.checked = boxes.length > 0 && ids.length === boxes.length;
    all.indeterminate = ids.length > 0 && ids.length < boxes.length;
  }

  function bindDeadLetters() {
    byId('dead-select-all').addEventListener('change', function (event) {
      var on = event.currentTarget.checked;
      doc.querySelectorAll('#dead-table .select-delivery').forEach(function (box) {
        box.checked = on;
        if (on) {
          state.selected[box.value] = true;
        } else {
          delete state.selected[box.value];
        }
      });
      updateSelection();
    });
    byId('resend-selected').addEventListener('click', function (event) {
      var ids = Object.keys(state.selected);
      if (ids.length) {
        resend(ids, event.currentTarget);
      }
    });
  }

  // ================================================================== language, logout, start

  function applyLanguage() {
    i18n.apply();
    byId('lang-select').value = i18n.lang();
    fillSelects();
    renderMe();
    updateSelection();
    updateTitle();
    state.rendered = {};
    Object.keys(state.data).forEach(function (key) {
      var renderers = { overview: renderOverview, queues: renderQueues, routes: renderRoutes, agencies: renderAgencies,
                        links: renderLinks,
                        documents: renderDocuments, document: renderDocument, dead: renderDeadLetters };
      if (renderers[key] && (key !== 'document' || state.docId)) {
        renderIfChanged(key, state.data[key], { force: true, seq: state.renderedSeq[key] || 0 }, renderers[key]);
      }
    });
    clear(byId('flash'));
  }

  function logout(event) {
    event.preventDefault();
    var token = api.csrfToken();
    var body = new URLSearchParams();
    if (token) {
      body.set('_csrf', token);
    }
    var headers = { 'Content-Type': 'application/x-www-form-urlencoded' };
    if (token) {
      headers['X-XSRF-TOKEN'] = token;
    }
    global.fetch('/logout', { method: 'POST', body: body, headers: headers, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok && response.status !== 401) {
          throw new api.ApiError(response.status, null, null);
        }
        api.toLogin('logout');
      })
      .catch(function (error) {
        flash('error', errorText(error));
      });
  }

  function start() {
    i18n.apply();
    fillSelects();
    bindSearchForm();
    bindDeadLetters();
    byId('lang-select').value = i18n.lang();
    byId('lang-select').addEventListener('change', function (event) {
      i18n.setLang(event.target.value);
      applyLanguage();
    });
    byId('logout-form').addEventListener('submit', logout);
    byId('refresh-now').addEventListener('click', function () { refresh(true); });
    byId('auto-refresh').addEventListener('change', function (event) {
      byId('refresh-status').textContent = event.currentTarget.checked ? '' : t('refresh.off');
      if (event.currentTarget.checked) {
        refresh(false);
      }
    });
    global.addEventListener('hashchange', showView);
    updateSelection();
    loadMe().then(function () {
      showView();
      global.setInterval(tick, REFRESH_MS);
      doc.body.setAttribute('data-ready', 'true');
    }, function () { /* 401: on the way to the login page */ });
  }

  // for tests and the curious: the dictionary checks
  global.LienthongConsole = { problems: function () { return i18n.problems(); } };

  start();
}(window));
