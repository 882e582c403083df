// RHIP console: an indicator of the public-health pages (Apache ECharts). Elements with
// data-care-chart="streets" (bars: the org unit first, then each street, in the year) and
// data-care-chart="years" (the org unit's line over the years) draw themselves from the JSON at
// data-src (window.rhipCharts, console.js).
(function () {
  'use strict';

  var DISTRICT = '#0f3d6e';
  var STREET = '#1f6fb2';
  var LINE = '#0f766e';

  function streetsOption(data) {
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 60, right: 24, top: 36, bottom: 72 },
      xAxis: { type: 'category', data: data.places, axisLabel: { interval: 0, rotate: data.places.length > 8 ? 30 : 0 } },
      yAxis: { type: 'value', name: data.unit, splitLine: { lineStyle: { color: '#eef1f4' } } },
      series: [{
        name: data.label,
        type: 'bar',
        barMaxWidth: 36,
        data: data.values.map(function (value, i) {
          return { value: value, itemStyle: { color: i === 0 ? DISTRICT : STREET } };
        }),
        label: { show: true, position: 'top', fontSize: 11 }
      }]
    };
  }

  function yearsOption(data) {
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 60, right: 24, top: 36, bottom: 36 },
      xAxis: { type: 'category', data: data.years, boundaryGap: false },
      yAxis: { type: 'value', name: data.unit, scale: true, splitLine: { lineStyle: { color: '#eef1f4' } } },
      series: [{
        name: data.label,
        type: 'line',
        data: data.series,
        connectNulls: false,
        symbol: 'circle',
        symbolSize: 7,
        lineStyle: { width: 2.5, color: LINE },
        itemStyle: { color: LINE },
        label: { show: true, position: 'top', fontSize: 11, color: '#3e4c59' },
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: '#c3ccd6', type: 'solid', width: 6, opacity: 0.5 },
          label: { show: false },
          data: [{ xAxis: data.year }]
        }
      }]
    };
  }

  function draw(element, data) {
    element.innerHTML = '';
    var chart = echarts.init(element, null, { renderer: 'canvas' });
    // marks the chart as drawn (animation over), for people and tests waiting on it
    chart.on('finished', function () { element.setAttribute('data-rendered', 'true'); });
    var option = element.getAttribute('data-care-chart') === 'years' ? yearsOption(data) : streetsOption(data);
    option.animationDuration = 400;
    chart.setOption(option);
    window.addEventListener('resize', function () { chart.resize(); });
  }

  window.rhipCharts('[data-care-chart]', draw);
})();
