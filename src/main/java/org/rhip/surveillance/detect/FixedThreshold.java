package org.rhip.surveillance.detect;

/**
 * 固定阈值法: a point alarms when its count reaches {@code threshold} (default 1). With the default,
 * one case of a class-A disease, or of a class-B disease managed as class A, is a signal — the rule
 * of the national alert system for those diseases. Needs no history, so every point has a
 * threshold. Unlike the statistical methods, which alarm when the count exceeds the threshold,
 * this one alarms when the count is at or above it: the threshold is the number of cases that
 * makes a signal.
 */
final class FixedThreshold implements Detector {

	private final int threshold;

	FixedThreshold(DetectorParams params) {
		this.threshold = params.integer("threshold", 1);
		if (threshold < 1) {
			throw new ParameterProblem("threshold", "must be at least 1");
		}
	}

	@Override
	public String method() {
		return "fixed";
	}

	@Override
	public Detections detect(CountSeries series, int from) {
		Detections result = Detections.empty(series.size());
		for (int t = from; t < series.size(); t++) {
			result.thresholds()[t] = threshold;
			result.alarms()[t] = series.count(t) >= threshold;
		}
		return result;
	}

}
