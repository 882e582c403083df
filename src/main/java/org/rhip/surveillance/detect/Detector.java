package org.rhip.surveillance.detect;

/** One aberration-detection method with its parameters fixed. Stateless and thread-safe. */
public interface Detector {

	/** The method's name on the command line and in stored signals, e.g. {@code ears-c1}. */
	String method();

	/** Thresholds and alarms for every point of the series. */
	Detections detect(CountSeries series);

}
