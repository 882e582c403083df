package org.rhip.surveillance.detect;

import java.util.List;

/** The detectors by method name, as the command line and the stored configuration name them. */
public final class Detectors {

	/** Every method, in the order the console and the benchmark list them. */
	public static final List<String> METHODS = List.of("fixed", "mpm", "ears-c1", "ears-c2", "ears-c3", "farrington",
			"farrington-flexible", "cusum");

	private Detectors() {
	}

	/** A detector for {@code method} with {@code params}; unknown methods and parameters are rejected. */
	public static Detector create(String method, DetectorParams params) {
		Detector detector = switch (method) {
			case "fixed" -> new FixedThreshold(params);
			case "mpm" -> new MovingPercentile(params);
			case "ears-c1" -> new Ears(Ears.Variant.C1, params);
			case "ears-c2" -> new Ears(Ears.Variant.C2, params);
			case "ears-c3" -> new Ears(Ears.Variant.C3, params);
			case "cusum" -> new Cusum(params);
			case "farrington" -> new Farrington(params);
			case "farrington-flexible" -> new FarringtonFlexible(params);
			default -> throw new ParameterProblem("method", "must be one of " + String.join(", ", METHODS) + ", not '"
					+ method + "'");
		};
		params.checkAllUsed(method);
		return detector;
	}

}
