import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * FHIR read and search latency under load, for bench/import-ndjson.sh: CLIENTS threads (50), each
 * with its own connection, send requests for SECONDS (after a warm-up of a fifth of that) and the
 * latencies per kind of request are reported as p50/p99 with the throughput.
 *
 * Usage: java bench/FhirLoad.java BASE_URL TOKEN PATIENTS SECONDS CLIENTS NAME=PATH... where PATH may
 * hold {p} (a random patient index below PATIENTS) and {o} (a random observation index 0–8).
 */
public class FhirLoad {

	public static void main(String[] args) throws Exception {
		String base = args[0];
		String token = args[1];
		int patients = Integer.parseInt(args[2]);
		int seconds = Integer.parseInt(args[3]);
		int clients = Integer.parseInt(args[4]);
		Map<String, String> kinds = new TreeMap<>();
		for (String kind : Arrays.copyOfRange(args, 5, args.length)) {
			kinds.put(kind.substring(0, kind.indexOf('=')), kind.substring(kind.indexOf('=') + 1));
		}
		List<String> names = new ArrayList<>(kinds.keySet());
		Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
		names.forEach(n -> latencies.put(n, java.util.Collections.synchronizedList(new ArrayList<>())));
		AtomicLong errors = new AtomicLong();
		long warmUpEnd = System.nanoTime() + Duration.ofSeconds(Math.max(1, seconds / 5)).toNanos();
		long end = warmUpEnd + Duration.ofSeconds(seconds).toNanos();
		CountDownLatch done = new CountDownLatch(clients);
		for (int c = 0; c < clients; c++) {
			Thread t = new Thread(() -> {
				HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
				ThreadLocalRandom random = ThreadLocalRandom.current();
				try {
					while (System.nanoTime() < end) {
						String name = names.get(random.nextInt(names.size()));
						String path = kinds.get(name).replace("{p}", String.valueOf(random.nextInt(patients)))
							.replace("{o}", String.valueOf(random.nextInt(9)));
						HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
							.header("Authorization", "Bearer " + token).header("Accept", "application/fhir+json").GET().build();
						long start = System.nanoTime();
						HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
						long nanos = System.nanoTime() - start;
						if (response.statusCode() != 200) {
							if (errors.incrementAndGet() <= 3) {
								System.err.println(response.statusCode() + " " + path + " " + new String(response.body()).lines().findFirst().orElse(""));
							}
						}
						else if (start > warmUpEnd) {
							latencies.get(name).add(nanos);
						}
					}
				}
				catch (Exception ex) {
					System.err.println("client failed: " + ex);
				}
				finally {
					done.countDown();
				}
			});
			t.start();
		}
		done.await();
		System.out.printf("%d clients, %d s measured (after %d s warm-up), %d errors%n", clients, seconds, Math.max(1, seconds / 5),
				errors.get());
		System.out.printf("%-22s %9s %9s %9s %9s%n", "request", "count", "req/s", "p50 ms", "p99 ms");
		for (String name : names) {
			long[] l = latencies.get(name).stream().mapToLong(Long::longValue).sorted().toArray();
			if (l.length == 0) {
				System.out.printf("%-22s %9d%n", name, 0);
				continue;
			}
			System.out.printf("%-22s %9d %9.0f %9.1f %9.1f%n", name, l.length, l.length / (double) seconds,
					l[(int) (l.length * 0.50)] / 1e6, l[Math.min(l.length - 1, (int) (l.length * 0.99))] / 1e6);
		}
	}

}
