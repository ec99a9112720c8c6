// Campaign results chart: discount cost and GMV per day (bars, left axis), orders (line, right axis).
document.addEventListener('DOMContentLoaded', function () {
  var el = document.getElementById('results-chart');
  var source = document.getElementById('results-data');
  if (!el || !source || !window.echarts) {
    return;
  }
  var d = JSON.parse(source.textContent);
  var symbol = el.dataset.symbol || '';
  var money = function (v) {
    return symbol + Number(v).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  };
  var chart = echarts.init(el, null, { renderer: 'canvas' });
  chart.setOption({
    animation: false,
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0, icon: 'roundRect', itemWidth: 12, itemHeight: 8, textStyle: { color: '#475569' } },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: function (items) {
        var lines = [items[0].axisValue];
        items.forEach(function (it) {
          var v = it.seriesIndex === 2 ? it.value : money(it.value);
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
      { name: el.dataset.labelGmv, type: 'bar', data: d.gmv, barMaxWidth: 14, itemStyle: { color: '#3056e8', borderRadius: [3, 3, 0, 0] } },
      { name: el.dataset.labelCost, type: 'bar', data: d.cost, barMaxWidth: 14, itemStyle: { color: '#f59e0b', borderRadius: [3, 3, 0, 0] } },
      { name: el.dataset.labelOrders, type: 'line', yAxisIndex: 1, data: d.orders, smooth: true, symbol: 'none',
        lineStyle: { width: 2, color: '#10b981' }, itemStyle: { color: '#10b981' } }
    ]
  });
  window.addEventListener('resize', function () { chart.resize(); });
});
