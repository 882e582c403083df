package org.rhip.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.rhip.indicator.EvaluationJson;
import org.rhip.indicator.IndicatorApi;
import org.rhip.indicator.evaluation.PlanEvaluation;
import org.rhip.indicator.evaluation.RowResult;
import org.rhip.platform.problem.NotFound;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
		description = "Evaluates a plan's indicators for a year (table, json, xlsx or docx).")
final class EvaluateCommand implements Callable<Integer> {

	@ParentCommand
	RhipCommand parent;

	@Option(names = "--plan", required = true, paramLabel = "ID", description = "Plan id, e.g. tianhe-2021-2025.")
	String plan;

	@Option(names = "--year", required = true, paramLabel = "YYYY", description = "Year to evaluate.")
	int year;

	@Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
			description = "table, json, xlsx or docx (default ${DEFAULT-VALUE}).")
	String format;

	@Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
	Path out;

	@Override
	public Integer call() throws IOException {
		if (!java.util.Set.of("table", "json", "xlsx", "docx").contains(format)) {
			throw new UsageProblem("--format must be table, json, xlsx or docx, not '" + format + "'");
		}
		if ((format.equals("xlsx") || format.equals("docx")) && out == null) {
			throw new UsageProblem("--format " + format + " needs --out FILE");
		}
		try (ConfigurableApplicationContext context = Launcher.start(parent, false, Map.of())) {
			IndicatorApi indicators = context.getBean(IndicatorApi.class);
			PlanEvaluation evaluation;
			try {
				evaluation = indicators.evaluate(plan, year);
			}
			catch (NotFound ex) {
				throw new UsageProblem(ex.getMessage() + " (known plans: "
						+ String.join(", ", indicators.plans().stream().map(IndicatorApi.PlanSummary::id).toList()) + ")");
			}
			byte[] bytes = switch (format) {
				case "json" -> json(context, evaluation);
				case "xlsx" -> indicators.report(evaluation, "xlsx", java.util.Locale.SIMPLIFIED_CHINESE);
				case "docx" -> indicators.report(evaluation, "docx", java.util.Locale.SIMPLIFIED_CHINESE);
				default -> table(evaluation).getBytes(StandardCharsets.UTF_8);
			};
			if (out != null) {
				Files.write(out, bytes);
			}
			else {
				OutputStream stdout = System.out;
				stdout.write(bytes);
				stdout.flush();
			}
		}
		return 0;
	}

	private static byte[] json(ConfigurableApplicationContext context, PlanEvaluation evaluation) {
		JsonMapper mapper = context.getBean(JsonMapper.class);
		String text = mapper.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(EvaluationJson.of(evaluation));
		return (text + "\n").getBytes(StandardCharsets.UTF_8);
	}

	private static String table(PlanEvaluation evaluation) {
		StringBuilder text = new StringBuilder();
		text.append(evaluation.plan().name()).append(" — ").append(evaluation.year()).append('\n');
		text.append(String.format("%-6s %-36s %-12s %-16s %-12s %-9s %s%n", "no", "indicator", "baseline", "target",
				"actual", "source", "status"));
		for (RowResult row : evaluation.rows()) {
			text.append(String.format("%-6s %-36s %-12s %-16s %-12s %-9s %s%n", nullToDash(row.row().no()),
					row.row().code(), nullToDash(row.row().baseline()), nullToDash(row.row().target()),
					row.actualText().orElse("—"), row.actualText().isPresent() ? row.source() : "—",
					row.status().key() + (row.flagged() ? "  ⚑ binding" : "")));
		}
		return text.toString();
	}

	private static String nullToDash(String text) {
		return text == null ? "—" : text;
	}

	static PrintStream utf8Out() {
		return new PrintStream(System.out, true, StandardCharsets.UTF_8);
	}

}
