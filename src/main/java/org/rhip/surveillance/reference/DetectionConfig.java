package org.rhip.surveillance.reference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.rhip.platform.yaml.YamlNode;
import org.rhip.platform.yaml.YamlProblem;
import org.rhip.surveillance.detect.Frequency;
import org.rhip.surveillance.detect.ParameterProblem;

import org.springframework.stereotype.Component;

/**
 * Which detectors run on which series ({@code surveillance/detection.yaml}). Every detector is built
 * once when the file loads, so a misspelt method or parameter stops the start with its line.
 */
@Component
public class DetectionConfig {

	private final List<DetectorSpec> classA;

	private final List<DetectorSpec> casesDefault;

	private final Map<String, List<DetectorSpec>> overrides = new LinkedHashMap<>();

	private final List<DetectorSpec> sentinel;

	DetectionConfig() {
		YamlNode root = ReferenceData.read("surveillance/detection.yaml");
		YamlNode cases = root.require("cases");
		classA = specs(cases.require("classA"));
		casesDefault = specs(cases.require("default"));
		cases.get("overrides").ifPresent(o -> o.entries().forEach((code, list) -> overrides.put(code, specs(list))));
		sentinel = specs(root.require("sentinel").require("default"));
	}

	/** The detectors for a disease's case series; class-A measures use the class-A list. */
	public List<DetectorSpec> forDisease(String code, boolean classAMeasures) {
		if (overrides.containsKey(code)) {
			return overrides.get(code);
		}
		return classAMeasures ? classA : casesDefault;
	}

	public List<DetectorSpec> forSentinel() {
		return sentinel;
	}

	/** The most years any configured detector looks back. */
	public int maxYearsBack() {
		return Stream.of(List.of(classA, casesDefault, sentinel), List.copyOf(overrides.values()))
			.flatMap(List::stream)
			.flatMap(List::stream)
			.mapToInt(DetectorSpec::yearsBack)
			.max()
			.orElse(3);
	}

	private static List<DetectorSpec> specs(YamlNode list) {
		List<DetectorSpec> specs = new ArrayList<>();
		for (YamlNode item : list.items()) {
			Map<String, String> params = new LinkedHashMap<>();
			item.get("params").ifPresent(p -> p.entries().forEach((k, v) -> params.put(k, v.text())));
			String frequency = item.optionalString("frequency").orElse("daily");
			if (!frequency.equals("daily") && !frequency.equals("weekly")) {
				throw item.problem("frequency must be daily or weekly, not " + frequency);
			}
			DetectorSpec spec = new DetectorSpec(item.string("method"),
					Frequency.valueOf(frequency.toUpperCase(Locale.ROOT)), Map.copyOf(params));
			try {
				spec.detector();
			}
			catch (ParameterProblem ex) {
				throw new YamlProblem(item.file() + ":" + item.line() + ": " + ex.getMessage());
			}
			specs.add(spec);
		}
		return List.copyOf(specs);
	}

}
