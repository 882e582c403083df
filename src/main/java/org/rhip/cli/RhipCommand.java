package org.rhip.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code java -jar rhip.jar <command>}: the public command line of DESIGN.md §4. */
@Command(name = "rhip", mixinStandardHelpOptions = true, version = "RHIP 0.1",
		description = "区域全民健康信息平台 — regional health information platform.",
		subcommands = { ServeCommand.class, DemoCommand.class, EvaluateCommand.class, TokenCommand.class,
				SurveilCommand.class, ImportCommand.class, ReindexCommand.class, ComputeCommand.class, GenerateCommand.class })
public final class RhipCommand implements Runnable {

	@Mixin
	GlobalOptions global;

	/** The Spring Boot application the commands start. */
	final Class<?> application;

	RhipCommand(Class<?> application) {
		this.application = application;
	}

	@Override
	public void run() {
		// no command given: serve, as DESIGN.md says
		new ServeCommand().serve(this, 8080);
	}

	/** Runs the command line and returns the process exit code: 0 done, 1 the work failed, 2 usage. */
	public static int run(Class<?> application, String... args) {
		CommandLine commandLine = new CommandLine(new RhipCommand(application));
		commandLine.setExecutionExceptionHandler((ex, cmd, parsed) -> {
			Throwable cause = rootCause(ex);
			PrintWriter err = cmd.getErr();
			err.println("rhip: " + oneLine(cause));
			err.flush();
			return ex instanceof UsageProblem ? 2 : 1;
		});
		return commandLine.execute(args);
	}

	private static Throwable rootCause(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause && !(cause instanceof UsageProblem)) {
			cause = cause.getCause();
		}
		return cause;
	}

	private static String oneLine(Throwable cause) {
		String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
		return message.replaceAll("\\s*\\R\\s*", " ").trim();
	}

}
