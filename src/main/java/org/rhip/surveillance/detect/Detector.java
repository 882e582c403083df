package org.rhip.surveillance.detect;

/** One aberration-detection method with its parameters fixed. Stateless and thread-safe. */
public interface Detector {

	/** The method's name on the command line and in stored signals, e.g. {@code ears-c1}. */
	String method();

	/** Thresholds and alarms for every point of the series. */
	default Detections detect(CountSeries series) {
		return detect(series, 0);
	}

	/**
	 * Thresholds and alarms for the points from index {@code from} on; earlier points may be left
	 * without. The answer for a point never depends on {@code from}: methods whose points are
	 * independent skip the earlier ones, the others (CUSUM's running sum) compute them all.
	 */
	Detections detect(CountSeries series, int from);

	/**
	 * As {@link #detect(CountSeries, int)} when only the alarms matter (a detection run): a method may
	 * leave without threshold the points that cannot alarm whatever it computes, e.g. counts of 0.
	 * The alarms are exactly those of {@code detect}.
	 */
	default Detections alarms(CountSeries series, int from) {
		return detect(series, from);
	}

}
