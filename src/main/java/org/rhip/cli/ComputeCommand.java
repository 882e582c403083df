package org.rhip.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.rhip.care.IndicatorComputation;
import org.rhip.care.IndicatorValue;
import org.rhip.care.RecordIndicators;
import org.rhip.registry.OrgUnit;
import org.rhip.registry.RegistryApi;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * Computes every record-based indicator of a region for all years and all its org units now, and
 * writes the values (CSV) with the time each indicator took — what {@code evaluate} and the console
 * otherwise do on demand when the records have changed.
 */
@Command(name = "compute", mixinStandardHelpOptions = true,
		description = "Computes the record-based indicators of a region (all years, the district and every street) "
				+ "from the person index and the records, and writes indicator,org_unit,year,numerator,denominator,value.")
final class ComputeCommand implements Callable<Integer> {

	@ParentCommand
	RhipCommand parent;

	@Option(names = "--region", required = true, description = "district or county code, e.g. 440106")
	String region;

	@Option(names = "--out", description = "CSV file (default: standard output)")
	Path out;

	@Override
	public Integer call() throws Exception {
		try (ConfigurableApplicationContext context = Launcher.start(parent, false, Map.of())) {
			RegistryApi registry = context.getBean(RegistryApi.class);
			if (registry.findOrgUnit(region).map(OrgUnit::kind).filter(k -> k.equals("district") || k.equals("county_city")).isEmpty()) {
				throw new UsageProblem("--region: no district or county " + region + " in the registry");
			}
			RecordIndicators indicators = context.getBean(RecordIndicators.class);
			IndicatorComputation c = indicators.refresh(region);
			PrintStream sink = out == null ? EvaluateCommand.utf8Out()
					: new PrintStream(Files.newOutputStream(out), true, java.nio.charset.StandardCharsets.UTF_8);
			sink.println("indicator,org_unit,year,numerator,denominator,value");
			List<String> units = registry.subtreeCodes(region);
			for (String code : indicators.indicators()) {
				for (String unit : units) {
					for (IndicatorValue v : indicators.series(code, unit)) {
						sink.println(String.join(",", v.indicator(), v.orgUnitCode(), String.valueOf(v.year()),
								v.numerator().toPlainString(), v.denominator().toPlainString(),
								v.value().round(new java.math.MathContext(8)).toPlainString()));
					}
				}
			}
			if (out != null) {
				sink.close();
			}
			c.millisByIndicator().forEach((k, ms) -> System.err.printf("rhip: %-40s %8.1f s%n", k, ms / 1000.0));
			System.err.printf("rhip: computed %d values of region %s, %d-%d, in %.1f s%n", c.values(), region, c.from(), c.to(),
					c.millis() / 1000.0);
		}
		return 0;
	}

}
