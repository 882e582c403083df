package org.rhip.cli;

import java.util.Map;
import java.util.concurrent.Callable;

import org.rhip.record.RecordApi;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** Rebuilds the analytics projections of the clinical store from the stored FHIR resources. */
@Command(name = "reindex", mixinStandardHelpOptions = true,
		description = "Rebuilds the record projections (encounters, diagnoses, observations, immunizations, "
				+ "medications, procedures, reports, allergies, patients) and the search columns from the stored "
				+ "FHIR resources, and prints the rows per table.")
final class ReindexCommand implements Callable<Integer> {

	@ParentCommand
	RhipCommand parent;

	@Override
	public Integer call() {
		try (ConfigurableApplicationContext context = Launcher.start(parent, false, Map.of())) {
			long start = System.nanoTime();
			Map<String, Integer> counts = context.getBean(RecordApi.class).reindex();
			var out = EvaluateCommand.utf8Out();
			out.println("table,rows");
			counts.forEach((table, rows) -> out.println(table + "," + rows));
			System.err.printf("rhip: reindexed %d resources in %.1f s%n", counts.getOrDefault("resources", 0),
					(System.nanoTime() - start) / 1e9);
		}
		return 0;
	}

}
