package org.rhip.interop.bulk;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs the imports the JSON API accepts, one at a time per process, the rest waiting in a bounded
 * queue. When the server stops, a running job stops between two batches and stays running; the next
 * start of the server resumes it, and starts the jobs still queued.
 */
@Component
public class ImportQueue {

	/** Jobs waiting behind the running one before new uploads are turned away. */
	static final int CAPACITY = 50;

	private static final Logger log = LoggerFactory.getLogger(ImportQueue.class);

	private final ImportRunner runner;

	private final ImportJobs jobs;

	private final ThreadPoolExecutor executor;

	private volatile boolean stopping;

	ImportQueue(ImportRunner runner, ImportJobs jobs) {
		this.runner = runner;
		this.jobs = jobs;
		this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(CAPACITY), r -> {
			Thread t = new Thread(r, "rhip-import");
			t.setDaemon(true);
			return t;
		});
	}

	/** Whether another upload may wait in the queue. */
	public boolean hasRoom() {
		return executor.getQueue().remainingCapacity() > 0;
	}

	public void enqueue(long jobId) {
		executor.execute(() -> {
			try {
				runner.run(jobId, () -> stopping);
			}
			catch (RuntimeException ex) {
				log.warn("import job {} did not run: {}", jobId, ImportRunner.oneLine(ex));
			}
		});
	}

	/** On a server's start: the jobs of the JSON API a stopped server left queued or running. */
	@EventListener
	void resumeUnfinished(ApplicationReadyEvent event) {
		if (!(event.getApplicationContext() instanceof WebServerApplicationContext)) {
			return;
		}
		for (long id : jobs.unfinishedApiJobs()) {
			try {
				enqueue(id);
				log.info("import job {} resumes", id);
			}
			catch (RejectedExecutionException ex) {
				log.warn("import job {} waits for a later start: the queue is full", id);
			}
		}
	}

	@jakarta.annotation.PreDestroy
	void stop() throws InterruptedException {
		stopping = true;
		// queued jobs stay queued in the database for the next start
		executor.getQueue().clear();
		executor.shutdown();
		executor.awaitTermination(30, TimeUnit.SECONDS);
	}

}
