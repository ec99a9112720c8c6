// Magpie console behaviour: CSRF for htmx, dashboard charts.

// Sends the CSRF token with every htmx request.
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header && token.content) {
    event.detail.headers[header.content] = token.content;
  }
});

(function () {
  var PALETTE = ['#3056e8', '#10b981', '#f59e0b', '#ef4444', '#8b5cf6', '#64748b'];
  var STATUS_COLORS = {
    PAID: '#10b981', CREATED: '#94a3b8', PARTIALLY_REFUNDED: '#f59e0b', REFUNDED: '#ef4444', CANCELLED: '#475569'
  };

  function data() {
    var el = document.getElementById('mp-sales-data');
    return el ? JSON.parse(el.textContent) : null;
  }

  function money(symbol, value) {
    return symbol + Number(value).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }

  function dailyChart(el, d) {
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    var symbol = el.dataset.symbol || '';
    chart.setOption({
      animation: false,
      color: ['#3056e8', '#10b981'],
      grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
      legend: { top: 0, left: 0, icon: 'roundRect', itemWidth: 12, itemHeight: 8, textStyle: { color: '#475569' } },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: undefined,
        formatter: function (items) {
          var lines = [items[0].axisValue];
          items.forEach(function (it) {
            var v = it.seriesIndex === 0 ? money(symbol, it.value) : it.value;
            lines.push(it.marker + ' ' + it.seriesName + ': <b>' + v + '</b>');
          });
          return lines.join('<br>');
        }
      },
      xAxis: {
        type: 'category', data: d.days, axisTick: { show: false },
        axisLine: { lineStyle: { color: '#e2e8f0' } },
        axisLabel: { color: '#64748b', formatter: function (v) { return v.substring(5); } }
      },
      yAxis: [
        { type: 'value', splitLine: { lineStyle: { color: '#eef2f7' } },
          axisLabel: { color: '#64748b', formatter: function (v) { return symbol + (v >= 10000 ? (v / 1000) + 'k' : v); } } },
        { type: 'value', splitLine: { show: false }, minInterval: 1, axisLabel: { color: '#64748b' } }
      ],
      series: [
        { name: el.dataset.labelGmv, type: 'bar', data: d.gmv, barMaxWidth: 14,
          itemStyle: { borderRadius: [3, 3, 0, 0], color: new echarts.graphic.LinearGradient(0, 0, 0, 1,
            [{ offset: 0, color: '#4f7cff' }, { offset: 1, color: '#3056e8' }]) } },
        { name: el.dataset.labelOrders, type: 'line', yAxisIndex: 1, data: d.orders, smooth: true, smoothMonotone: 'x',
          symbol: 'none', lineStyle: { width: 2, color: '#10b981' }, itemStyle: { color: '#10b981' } }
      ]
    });
    return chart;
  }

  function statusChart(el, d) {
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      color: PALETTE,
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { bottom: 0, icon: 'circle', itemWidth: 8, itemHeight: 8, textStyle: { color: '#475569' } },
      series: [{
        type: 'pie', radius: ['52%', '76%'], center: ['50%', '44%'], avoidLabelOverlap: true,
        itemStyle: { borderColor: '#fff', borderWidth: 2 }, label: { show: false },
        data: d.statuses.map(function (s) {
          return { name: s.name, value: s.value, itemStyle: { color: STATUS_COLORS[s.status] } };
        })
      }]
    });
    return chart;
  }

  document.addEventListener('DOMContentLoaded', function () {
    var d = data();
    if (!d || !window.echarts) {
      return;
    }
    var charts = [];
    var daily = document.getElementById('mp-daily-chart');
    if (daily) {
      charts.push(dailyChart(daily, d));
    }
    var status = document.getElementById('mp-status-chart');
    if (status && d.statuses.length) {
      charts.push(statusChart(status, d));
    }
    window.addEventListener('resize', function () {
      charts.forEach(function (c) { c.resize(); });
    });
  });
})();
