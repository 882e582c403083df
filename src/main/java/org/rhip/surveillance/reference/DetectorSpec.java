package org.rhip.surveillance.reference;

import java.util.Map;

import org.rhip.surveillance.detect.Detector;
import org.rhip.surveillance.detect.DetectorParams;
import org.rhip.surveillance.detect.Detectors;
import org.rhip.surveillance.detect.Frequency;

/** One detector to run on a series: method, parameters, and the series frequency it reads. */
public record DetectorSpec(String method, Frequency frequency, Map<String, String> params) {

	public Detector detector() {
		return Detectors.create(method, DetectorParams.of(params));
	}

	/** Years of history the method looks back at, so a run loads enough counts. */
	public int yearsBack() {
		String years = params.getOrDefault("b", params.get("years"));
		if (years != null) {
			return Integer.parseInt(years.trim());
		}
		return switch (method) {
			case "farrington", "farrington-flexible" -> 5;
			case "mpm" -> 3;
			default -> 0;
		};
	}

}
