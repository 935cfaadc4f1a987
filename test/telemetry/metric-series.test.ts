// Counters and histograms in plain numbers, written in Prometheus' text format at scrape time.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CounterSeries, HistogramSeries } from '../../src/telemetry/metric-series.js';

describe('CounterSeries', () => {
  it('counts per label values, and writes HELP, TYPE and one sample each', () => {
    const c = new CounterSeries('things_total', 'Things, by kind and state', ['kind', 'state']);
    assert.equal(c.render(), '# HELP things_total Things, by kind and state\n# TYPE things_total counter');
    c.inc('a', 'x');
    c.inc('a', 'x');
    c.inc('b', 'x');
    assert.deepEqual(c.render().split('\n').slice(2), ['things_total{kind="a",state="x"} 2', 'things_total{kind="b",state="x"} 1']);
  });

  it('escapes backslashes, quotes and newlines in label values', () => {
    const c = new CounterSeries('t', 'h', ['v']);
    c.inc('a\\b"c\nd');
    assert.equal(c.render().split('\n')[2], 't{v="a\\\\b\\"c\\nd"} 1');
  });
});

describe('HistogramSeries', () => {
  it('writes cumulative buckets (a value on a bound falls in it), +Inf, sum and count', () => {
    const h = new HistogramSeries('d_seconds', 'Durations', ['route'], [0.1, 1]);
    for (const v of [0.05, 0.1, 0.5, 3]) h.observe(v, '/r');
    assert.deepEqual(h.render().split('\n').slice(1), [
      '# TYPE d_seconds histogram',
      'd_seconds_bucket{le="0.1",route="/r"} 2',
      'd_seconds_bucket{le="1",route="/r"} 3',
      'd_seconds_bucket{le="+Inf",route="/r"} 4',
      'd_seconds_sum{route="/r"} 3.65',
      'd_seconds_count{route="/r"} 4',
    ]);
  });
});
