package org.rhip.cli;

import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "serve", mixinStandardHelpOptions = true,
		description = "Starts the server (console, JSON API, health check).")
final class ServeCommand implements Runnable {

	@ParentCommand
	RhipCommand parent;

	@Option(names = "--port", defaultValue = "8080", description = "HTTP port (default ${DEFAULT-VALUE}).")
	int port;

	@Override
	public void run() {
		serve(parent, port);
	}

	void serve(RhipCommand root, int port) {
		ConfigurableApplicationContext context = Launcher.start(root, true, Map.of("server.port", String.valueOf(port)));
		waitUntilClosed(context);
	}

	static void waitUntilClosed(ConfigurableApplicationContext context) {
		CountDownLatch closed = new CountDownLatch(1);
		context.addApplicationListener(event -> {
			if (event instanceof ContextClosedEvent) {
				closed.countDown();
			}
		});
		try {
			closed.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
