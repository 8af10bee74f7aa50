// PICU dashboard: reads this server's own API (same origin, no third-party requests) and draws with plain SVG.
// Every value from the API is inserted with textContent, never as HTML. Every time shown is UTC and says so.
(function () {
  'use strict';
  var SVG = 'http://www.w3.org/2000/svg';
  var REFRESH_MS = 30000;
  var state = { range: '24h', symbol: null };

  function $(id) { return document.getElementById(id); }

  function getJson(path) {
    return fetch(path, { headers: { Accept: 'application/json' } }).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) { throw new Error(path + ': ' + (body.error || response.status)); }
        return body;
      });
    });
  }

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = text; }
    if (className) { node.className = className; }
    return node;
  }

  function svg(tag, attrs, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }

  function number(value, digits) {
    if (value === null || value === undefined) { return '–'; }
    var n = Number(value);
    var max = digits !== undefined ? digits : (Math.abs(n) >= 100 ? 0 : Math.abs(n) >= 1 ? 2 : 6);
    return n.toLocaleString('en-US', { maximumFractionDigits: max });
  }

  function percent(value) {
    if (value === null || value === undefined) { return '–'; }
    var n = Number(value);
    return (n > 0 ? '+' : '') + n.toFixed(2) + ' %';
  }

  // API times are ISO-8601 in UTC ("2026-11-22T11:00:00.000Z"); the sentiment timeline's hours are
  // "2026-11-22 11:00:00", also UTC.
  function parseUtc(text) {
    if (!text) { return null; }
    var iso = text.indexOf('T') < 0 ? text.replace(' ', 'T') : text;
    if (!/(Z|[+-]\d\d:?\d\d)$/.test(iso)) { iso += 'Z'; }
    var ms = Date.parse(iso);
    return isNaN(ms) ? null : ms;
  }

  function pad(n) { return (n < 10 ? '0' : '') + n; }

  function utc(ms, withDate) {
    if (ms === null || ms === undefined) { return '–'; }
    var d = new Date(ms);
    var time = pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes());
    return (withDate === false ? time : d.getUTCFullYear() + '-' + pad(d.getUTCMonth() + 1) + '-' + pad(d.getUTCDate()) +
      ' ' + time) + ' UTC';
  }

  function shortUtc(text) { return utc(parseUtc(text)); }

  function ago(ms) {
    var seconds = Math.max(0, Math.round((Date.now() - ms) / 1000));
    if (seconds < 90) { return seconds + ' s ago'; }
    if (seconds < 90 * 60) { return Math.round(seconds / 60) + ' min ago'; }
    if (seconds < 36 * 3600) { return Math.round(seconds / 3600) + ' h ago'; }
    return Math.round(seconds / 86400) + ' d ago';
  }

  // "data 3 min old": the newest time of what a panel shows, so a stalled source is visible at a glance
  function setAge(id, times, label, staleAfterMs) {
    var node = $(id);
    var newest = times.map(parseUtc).filter(function (t) { return t !== null; })
      .reduce(function (a, b) { return Math.max(a, b); }, -Infinity);
    if (newest === -Infinity) { node.textContent = 'no data yet'; node.className = 'age stale'; return; }
    node.textContent = (label || 'newest') + ' ' + ago(newest);
    node.title = utc(newest);
    node.className = 'age' + (staleAfterMs && Date.now() - newest > staleAfterMs ? ' stale' : '');
  }

  function emptyRow(tbody, columns, text) {
    var row = el('tr');
    var cell = el('td', text, 'empty');
    cell.colSpan = columns;
    row.appendChild(cell);
    tbody.appendChild(row);
  }

  function renderPrices(summary) {
    var tbody = $('prices').tBodies[0];
    clear(tbody);
    if (!summary.market.length) { emptyRow(tbody, 5, 'no market data loaded yet'); }
    summary.market.forEach(function (coin) {
      var row = el('tr');
      row.dataset.symbol = coin.symbol;
      row.appendChild(el('td', coin.symbol));
      row.appendChild(el('td', number(coin.price), 'num price'));
      var change = Number(coin.change_24h);
      row.appendChild(el('td', percent(coin.change_24h), 'num ' + (change > 0 ? 'up' : change < 0 ? 'down' : '')));
      row.appendChild(el('td', number(coin.volume_24h), 'num opt'));
      row.appendChild(el('td', shortUtc(coin.timestamp), 'muted opt'));
      tbody.appendChild(row);
    });
    setAge('prices-age', summary.market.map(function (c) { return c.timestamp; }), 'observed', 15 * 60000);
    renderSymbols(summary.market.map(function (coin) { return coin.symbol; }));
  }

  function renderSymbols(symbols) {
    var tabs = $('symbols');
    if (!state.symbol || symbols.indexOf(state.symbol) < 0) {
      state.symbol = symbols.indexOf('BTC') >= 0 ? 'BTC' : symbols[0] || null;
    }
    clear(tabs);
    symbols.forEach(function (symbol) {
      var button = el('button', symbol, symbol === state.symbol ? 'active' : '');
      button.type = 'button';
      button.addEventListener('click', function () { state.symbol = symbol; markSymbol(); loadCandles(); });
      tabs.appendChild(button);
    });
  }

  function markSymbol() {
    Array.prototype.forEach.call($('symbols').children, function (button) {
      button.className = button.textContent === state.symbol ? 'active' : '';
    });
  }

  function rangeHours() { return state.range === '7d' ? 168 : 24; }

  function loadCandles() {
    if (!state.symbol) { drawCandles({ candles: [] }); return Promise.resolve(); }
    $('chart-symbol').textContent = state.symbol + ' · 1 h candles · last ' + (state.range === '7d' ? '7 days' : '24 hours') +
      ' · UTC';
    return getJson('/api/candles/' + encodeURIComponent(state.symbol) + '?timeframe=1h&limit=' + rangeHours())
      .then(drawCandles);
  }

  function drawCandles(data) {
    var chart = $('chart');
    clear(chart);
    var candles = data.candles;
    setAge('chart-age', candles.map(function (c) { return c.timestamp; }), 'last candle opened', 3 * 3600000);
    if (!candles.length) {
      chart.appendChild(svg('text', { x: 450, y: 140, 'text-anchor': 'middle', fill: '#8b96ad' }, 'no candles yet'));
      return;
    }
    var width = 900, height = 280, left = 8, right = 80, top = 10, bottom = 24;
    var high = Math.max.apply(null, candles.map(function (c) { return Number(c.high); }));
    var low = Math.min.apply(null, candles.map(function (c) { return Number(c.low); }));
    if (high === low) { high += 1; low -= 1; }
    var y = function (v) { return top + (high - Number(v)) / (high - low) * (height - top - bottom); };
    var step = (width - left - right) / candles.length;
    for (var g = 0; g <= 4; g++) {
      var value = low + (high - low) * g / 4;
      chart.appendChild(svg('line', { x1: left, x2: width - right, y1: y(value), y2: y(value), stroke: '#26304a' }));
      chart.appendChild(svg('text', { x: width - right + 6, y: y(value) + 4, fill: '#8b96ad', 'font-size': 11 },
        number(value)));
    }
    candles.forEach(function (c, i) {
      var up = Number(c.close) >= Number(c.open);
      var color = up ? '#2ecc8f' : '#ff5c6c';
      var x = left + i * step + step / 2;
      chart.appendChild(svg('line', { x1: x, x2: x, y1: y(c.high), y2: y(c.low), stroke: color }));
      var bodyTop = y(Math.max(Number(c.open), Number(c.close)));
      var bodyHeight = Math.max(1, Math.abs(y(c.open) - y(c.close)));
      chart.appendChild(svg('rect', { x: x - step * 0.35, y: bodyTop, width: Math.max(1, step * 0.7),
        height: bodyHeight, fill: color, 'class': 'candle' })).appendChild(svg('title', {},
        shortUtc(c.timestamp) + ': open ' + number(c.open) + ', high ' + number(c.high) + ', low ' + number(c.low) +
        ', close ' + number(c.close)));
    });
    chart.appendChild(svg('text', { x: left, y: height - 6, fill: '#8b96ad', 'font-size': 11 },
      shortUtc(candles[0].timestamp)));
    chart.appendChild(svg('text', { x: width - right, y: height - 6, fill: '#8b96ad', 'font-size': 11,
      'text-anchor': 'end' }, shortUtc(candles[candles.length - 1].timestamp)));
  }

  function gaugeColor(value) {
    return value <= 25 ? '#ff5c6c' : value <= 45 ? '#ff9f5c' : value <= 55 ? '#f5b942' : value <= 75 ? '#9bd85b' : '#2ecc8f';
  }

  function renderFearGreed(data) {
    var gauge = $('gauge');
    clear(gauge);
    var cx = 110, cy = 110, r = 90;
    var point = function (v, radius) {
      var angle = Math.PI * (1 - v / 100);
      return [cx + radius * Math.cos(angle), cy - radius * Math.sin(angle)];
    };
    [[0, 25], [25, 45], [45, 55], [55, 75], [75, 100]].forEach(function (band) {
      var a = point(band[0], r), b = point(band[1], r);
      gauge.appendChild(svg('path', { d: 'M' + a[0] + ' ' + a[1] + ' A' + r + ' ' + r + ' 0 0 1 ' + b[0] + ' ' + b[1],
        stroke: gaugeColor(band[1] - 1), 'stroke-width': 14, fill: 'none' }));
    });
    var latest = data.latest;
    if (latest) {
      var tip = point(latest.value, r - 22);
      gauge.appendChild(svg('line', { x1: cx, y1: cy, x2: tip[0], y2: tip[1], stroke: '#e6ebf5', 'stroke-width': 3,
        'stroke-linecap': 'round' }));
      gauge.appendChild(svg('circle', { cx: cx, cy: cy, r: 5, fill: '#e6ebf5' }));
      $('fear-greed-value').textContent = latest.value;
      $('fear-greed-value').style.color = gaugeColor(latest.value);
      $('fear-greed-label').textContent = latest.classification + ' · ' + shortUtc(latest.timestamp);
    } else {
      $('fear-greed-label').textContent = 'no index loaded yet';
    }
    setAge('fear-greed-age', latest ? [latest.timestamp] : [], 'dated', 2 * 86400000);
    var history = $('fear-greed-history');
    clear(history);
    var span = $('fear-greed-span');
    clear(span);
    if (data.history.length > 1) {
      var points = data.history.map(function (p, i) {
        return (i * 300 / (data.history.length - 1)).toFixed(1) + ',' + (58 - p.value * 0.56).toFixed(1);
      });
      history.appendChild(svg('polyline', { points: points.join(' '), fill: 'none', stroke: '#5b8cff', 'stroke-width': 2 }));
      span.appendChild(el('span', shortUtc(data.history[0].timestamp).replace(' 00:00', '')));
      span.appendChild(el('span', data.history.length + ' days'));
      span.appendChild(el('span', shortUtc(data.history[data.history.length - 1].timestamp).replace(' 00:00', '')));
    }
  }

  function renderSentiment(data) {
    var chart = $('sentiment');
    clear(chart);
    var span = $('sentiment-span');
    clear(span);
    $('sentiment-hint').textContent = 'hourly average, last ' + (state.range === '7d' ? '7 days' : '24 h');
    chart.appendChild(svg('line', { x1: 0, x2: 300, y1: 60, y2: 60, stroke: '#26304a' }));
    var timeline = data.timeline;
    var total = 0, weighted = 0;
    timeline.forEach(function (p) { total += p.count; weighted += Number(p.sentiment) * p.count; });
    var average = total ? weighted / total : 0;
    $('sentiment-average').textContent = total ? average.toFixed(2) : '–';
    $('sentiment-average').className = 'big ' + (average > 0.05 ? 'up' : average < -0.05 ? 'down' : '');
    $('sentiment-average').title = total + ' scored news items';
    setAge('sentiment-age', timeline.map(function (p) { return p.timestamp; }), 'last hour', 3 * 3600000);
    if (!timeline.length) {
      chart.appendChild(svg('text', { x: 150, y: 50, 'text-anchor': 'middle', fill: '#8b96ad', 'font-size': 12 },
        'no scored news in this range'));
      return;
    }
    // the window the server used (its clock), in hour slots: the hour of "from" up to the hour of "to"
    var start = Math.floor(parseUtc(data.from) / 3600000) * 3600000;
    var end = Math.floor(parseUtc(data.to) / 3600000) * 3600000;
    var hours = Math.max(1, Math.round((end - start) / 3600000) + 1);
    var step = 300 / hours;
    timeline.forEach(function (p) {
      var at = parseUtc(p.timestamp);
      var slot = Math.round((at - start) / 3600000);
      if (slot < 0 || slot >= hours) { return; }
      var v = Math.max(-1, Math.min(1, Number(p.sentiment)));
      var h = Math.abs(v) * 56;
      chart.appendChild(svg('rect', { x: slot * step + step * 0.1, y: v >= 0 ? 60 - h : 60, width: Math.max(0.8, step * 0.8),
        height: Math.max(1, h), fill: v >= 0 ? '#2ecc8f' : '#ff5c6c', 'class': 'bar' }))
        .appendChild(svg('title', {}, utc(at) + ': ' + p.sentiment + ' (' + p.count + ' items)'));
    });
    span.appendChild(el('span', utc(start)));
    span.appendChild(el('span', total + ' items'));
    span.appendChild(el('span', utc(end, false)));
  }

  function badge(text, className) { return el('span', text, 'badge ' + (className || text)); }

  function renderNews(data) {
    var list = $('news');
    clear(list);
    if (!data.news.length) { list.appendChild(el('li', 'no news loaded yet', 'empty')); }
    data.news.forEach(function (n) {
      var item = el('li');
      item.dataset.source = n.source;
      if (n.language) { item.lang = n.language; }
      var label = n.sentiment ? n.sentiment.label : 'unscored';
      item.appendChild(badge(label, n.sentiment ? label : 'neutral'));
      var title = /^https?:\/\//.test(n.url || '') ? el('a', n.title) : el('span', n.title);
      if (title.tagName === 'A') {
        title.href = n.url;
        title.target = '_blank';
        title.rel = 'noopener noreferrer';
      }
      item.appendChild(title);
      var meta = [n.source, n.language || '?', n.published_at ? shortUtc(n.published_at) : 'no date'];
      if (n.sentiment) { meta.push('score ' + Number(n.sentiment.score).toFixed(2)); }
      item.appendChild(el('div', meta.join(' · '), 'meta'));
      list.appendChild(item);
    });
    setAge('news-age', data.news.map(function (n) { return n.published_at; }), 'newest', 6 * 3600000);
  }

  function renderAlerts(data) {
    var list = $('alerts');
    clear(list);
    var shown = data.alerts.filter(function (a) { return a.status !== 'normal'; });
    if (!data.alerts.length) { list.appendChild(el('li', 'no data to check yet', 'empty')); }
    else if (!shown.length) { list.appendChild(el('li', 'all ' + data.summary.normal + ' checks normal', 'empty')); }
    shown.forEach(function (a) {
      var item = el('li');
      item.appendChild(badge(a.status));
      item.appendChild(el('strong', a.symbol + ' '));
      item.appendChild(document.createTextNode(a.metric + ' ' + number(a.value) + ' (' + a.direction + ' ' +
        number(a[a.status]) + ')'));
      list.appendChild(item);
    });
    if (shown.length) {
      list.appendChild(el('li', data.summary.critical + ' critical, ' + data.summary.warning + ' warning, ' +
        data.summary.normal + ' normal', 'meta'));
    }
    setAge('alerts-age', data.alerts.map(function (a) { return a.timestamp; }), 'observed', 3 * 3600000);
  }

  var SEVERITY = { critical: 0, high: 0, warning: 1, medium: 1, normal: 2, low: 2 };

  // one job run creates a day's insights at once, so the newest windows come first, the most severe first within one
  function renderInsights(data) {
    var list = $('insights');
    clear(list);
    if (!data.insights.length) { list.appendChild(el('li', 'no insights yet', 'empty')); }
    data.insights.slice().sort(function (a, b) {
      return (parseUtc(b.window_end) - parseUtc(a.window_end)) ||
        ((SEVERITY[a.severity] || 3) - (SEVERITY[b.severity] || 3));
    }).slice(0, 12).forEach(function (i) {
      var item = el('li');
      item.appendChild(badge(i.severity));
      item.appendChild(el('strong', i.symbol + ' · ' + i.type.replace(/_/g, ' ')));
      item.appendChild(el('div', i.description));
      item.appendChild(el('div', 'window ' + shortUtc(i.window_start) + ' – ' + utc(parseUtc(i.window_end), false), 'meta'));
      list.appendChild(item);
    });
    setAge('insights-age', data.insights.map(function (i) { return i.created_at; }), 'newest');
  }

  function renderPipeline(data) {
    var tbody = $('pipeline').tBodies[0];
    clear(tbody);
    $('pipeline-hdfs').textContent = 'HDFS ' + data.hdfs + ' · ' + data.ledger.partitions + ' partitions, ' +
      number(data.ledger.rows) + ' rows loaded';
    data.datasets.forEach(function (d) {
      var row = el('tr');
      row.dataset.dataset = d.dataset;
      row.appendChild(el('td', d.dataset));
      var published = d.last_published ? d.last_published.date : '–';
      row.appendChild(el('td', published.length === 8 ? published.substring(0, 4) + '-' + published.substring(4, 6) +
        '-' + published.substring(6) : published, 'opt'));
      row.appendChild(el('td', d.last_loaded ? utc(parseUtc(d.last_loaded.loaded_at)).substring(5, 16) : '–'));
      row.appendChild(el('td', d.last_loaded ? number(d.last_loaded.row_count) : '–', 'num'));
      var state = !d.last_published && !d.last_loaded ? 'idle' : d.up_to_date ? 'up to date'
        : 'waiting ' + Math.round(d.lag_seconds / 60) + ' min';
      row.appendChild(el('td', state, state === 'idle' ? 'muted' : d.up_to_date ? 'up' : 'down'));
      tbody.appendChild(row);
    });
    setAge('pipeline-age', [data.ledger.last_loaded_at], 'last load');
    $('workers').textContent = data.workers.length ? data.workers.map(function (w) {
      return w.worker_id + ': backlog ' + w.backlog_files + ' files, heartbeat ' + w.age_seconds + ' s ago';
    }).join(' · ') : 'no worker heartbeats';
    renderSources(data.workers);
  }

  // One row per source of each worker: why a source gives nothing (its last failure reason and rejects by reason).
  function renderSources(workers) {
    var tbody = $('sources').tBodies[0];
    clear(tbody);
    if (!workers.some(function (w) { return w.sources && w.sources.length; })) {
      emptyRow(tbody, 5, 'no source runs reported');
    }
    workers.forEach(function (w) {
      (w.sources || []).forEach(function (s) {
        var row = el('tr');
        row.setAttribute('data-source', s.source);
        row.appendChild(el('td', s.source));
        row.appendChild(el('td', w.worker_id, 'opt'));
        row.appendChild(el('td', s.last_success ? shortUtc(s.last_success) : 'never',
          s.last_outcome === 'failed' ? 'down' : s.last_success ? 'up' : 'muted'));
        row.appendChild(el('td', s.runs ? number(s.records) + ' / ' + s.runs + ' runs' : '–', 'num opt'));
        var rejects = Object.keys(s.rejects || {}).map(function (r) { return r + ' ' + s.rejects[r]; }).join(', ');
        var failure = s.last_failure_reason ? s.last_failure_reason + ' · ' + shortUtc(s.last_failure_at) +
          (s.failed_runs ? ' (' + s.failed_runs + ' of ' + s.runs + ' failed)' : '') : '';
        var cell = el('td', [failure, rejects ? 'rejects: ' + rejects : ''].filter(Boolean).join(' · ') || '–', 'wrap');
        row.appendChild(cell);
        tbody.appendChild(row);
      });
    });
  }

  function renderHealth(data) {
    $('health').textContent = 'database ' + data.database;
    $('health').className = 'pill ' + (data.status === 'healthy' ? 'ok' : 'bad');
  }

  function tick() {
    var now = new Date();
    $('clock').textContent = pad(now.getUTCHours()) + ':' + pad(now.getUTCMinutes()) + ' UTC';
  }

  function section(promise, cardId) {
    var card = $(cardId);
    return promise.then(function () {
      Array.prototype.slice.call(card.querySelectorAll('.load-error')).forEach(function (n) { card.removeChild(n); });
    }, function (error) {
      if (!card.querySelector('.load-error')) { card.appendChild(el('div', 'could not load: ' + error.message, 'empty load-error')); }
    });
  }

  function ranged() {
    var sentiment = state.range === '7d' ? 'days=7' : 'hours=24';
    return Promise.all([
      section(loadCandles(), 'chart-card'),
      section(getJson('/api/dashboard/sentiment-timeline?' + sentiment).then(renderSentiment), 'sentiment-card')
    ]);
  }

  function refresh() {
    tick();
    return Promise.all([
      section(getJson('/health').then(renderHealth), 'prices-card'),
      section(getJson('/api/dashboard/summary').then(renderPrices).then(ranged), 'prices-card'),
      section(getJson('/api/fear-greed?days=30').then(renderFearGreed), 'fear-greed-card'),
      section(getJson('/api/news/latest?limit=25').then(renderNews), 'news-card'),
      section(getJson('/api/alerts').then(renderAlerts), 'alerts-card'),
      section(getJson('/api/insights/recent?limit=50').then(renderInsights), 'insights-card'),
      section(getJson('/api/pipeline/status').then(renderPipeline), 'pipeline-card')
    ]).then(function () { document.body.dataset.ready = 'true'; });
  }

  Array.prototype.forEach.call($('range').children, function (button) {
    button.addEventListener('click', function () {
      state.range = button.dataset.range;
      Array.prototype.forEach.call($('range').children, function (b) {
        b.className = b === button ? 'active' : '';
      });
      ranged();
    });
  });

  refresh();
  setInterval(refresh, REFRESH_MS);
}());
