package org.rhip.surveillance.detect;

import java.util.Arrays;

/**
 * A detector's answer for every point of a series: the threshold (NaN where the method has too
 * little history to give one) and whether the point alarms. A point without a threshold never
 * alarms, except for the fixed threshold, which needs no history.
 */
public record Detections(double[] thresholds, boolean[] alarms) {

	public Detections {
		if (thresholds.length != alarms.length) {
			throw new IllegalArgumentException("thresholds and alarms differ in length");
		}
	}

	/** An answer of {@code size} points, all without threshold and alarm, to fill in. */
	public static Detections empty(int size) {
		double[] thresholds = new double[size];
		Arrays.fill(thresholds, Double.NaN);
		return new Detections(thresholds, new boolean[size]);
	}

	public int size() {
		return alarms.length;
	}

	public boolean hasThreshold(int index) {
		return !Double.isNaN(thresholds[index]);
	}

	public int alarmCount() {
		int n = 0;
		for (boolean alarm : alarms) {
			n += alarm ? 1 : 0;
		}
		return n;
	}

}
