package org.rhip.interop.bulk;

import java.io.IOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.rhip.interop.ImportJob;
import org.rhip.interop.ImportStatus;
import org.rhip.platform.db.PgCopy;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables of import jobs: jobs, their files, the records they rejected, and the CSV patient keys. */
@Repository
public class ImportJobs {

	/** A file of a job to read: where it is, its format, and where reading starts again. */
	public record JobFile(long jobId, int no, String name, String path, String format, long bytesTotal, long bytesDone,
			long linesDone, String status) {
	}

	/** What one committed batch adds to a job. */
	record Counts(long read, long created, long updated, long unchanged, long rejected, long parseWaitMillis,
			long storeMillis) {
	}

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	ImportJobs(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	public long create(String createdBy, String via, String institution, boolean institutionOnly, int batchSize) {
		return jdbc.sql("""
				insert into interop.import_job (created_by, via, institution_code, institution_only, batch_size)
				values (?, ?, ?, ?, ?) returning id
				""").params(createdBy, via, institution, institutionOnly, batchSize).query(Long.class).single();
	}

	/** How a job runs: its institution, whether rows may name only it, and its batch size. */
	record Settings(String institution, boolean institutionOnly, int batchSize, String via) {
	}

	Settings settings(long jobId) {
		return jdbc.sql("select institution_code, institution_only, batch_size, via from interop.import_job where id = ?")
			.param(jobId)
			.query((rs, n) -> new Settings(rs.getString(1), rs.getBoolean(2), rs.getInt(3), rs.getString(4)))
			.single();
	}

	public void addFile(long jobId, int no, String name, String path, String format, long bytes) {
		jdbc.sql("""
				insert into interop.import_file (job_id, file_no, name, path, format, bytes_total)
				values (?, ?, ?, ?, ?, ?)
				""").params(jobId, no, name, path, format, bytes).update();
	}

	public Optional<ImportJob> job(long id) {
		List<ImportJob.File> files = files(id).stream()
			.map(f -> new ImportJob.File(f.no(), f.name(), f.format(), f.status(), f.linesDone(), f.bytesDone(), f.bytesTotal()))
			.toList();
		return jdbc.sql("select * from interop.import_job where id = ?").param(id)
			.query((rs, n) -> job(rs, files))
			.optional();
	}

	/** The newest jobs of one owner (all owners when empty). */
	public List<ImportJob> jobs(Optional<String> createdBy, int limit) {
		List<Long> ids = jdbc.sql("""
				select id from interop.import_job where (?::text is null or created_by = ?) order by id desc limit ?
				""").params(createdBy.orElse(null), createdBy.orElse(null), limit).query(Long.class).list();
		return ids.stream().map(id -> job(id).orElseThrow()).toList();
	}

	private static ImportJob job(ResultSet rs, List<ImportJob.File> files) throws SQLException {
		long bytesTotal = files.stream().mapToLong(ImportJob.File::bytesTotal).sum();
		long bytesDone = files.stream().mapToLong(f -> f.status().equals("done") || f.status().equals("refused")
				? f.bytesTotal() : Math.min(f.bytesDone(), f.bytesTotal())).sum();
		return new ImportJob(rs.getLong("id"), rs.getString("created_by"), rs.getString("via"),
				rs.getString("institution_code"), ImportStatus.of(rs.getString("status")),
				Optional.ofNullable(rs.getString("message")), rs.getLong("read_count"), rs.getLong("created_count"),
				rs.getLong("updated_count"), rs.getLong("unchanged_count"), rs.getLong("rejected_count"), bytesDone,
				bytesTotal, rs.getLong("parse_wait_ms"), rs.getLong("store_ms"), files, rs.getObject("created_at", OffsetDateTime.class),
				Optional.ofNullable(rs.getObject("started_at", OffsetDateTime.class)),
				Optional.ofNullable(rs.getObject("finished_at", OffsetDateTime.class)));
	}

	public List<JobFile> files(long jobId) {
		return jdbc.sql("select * from interop.import_file where job_id = ? order by file_no").param(jobId)
			.query((rs, n) -> new JobFile(rs.getLong("job_id"), rs.getInt("file_no"), rs.getString("name"),
					rs.getString("path"), rs.getString("format"), rs.getLong("bytes_total"), rs.getLong("bytes_done"),
					rs.getLong("lines_done"), rs.getString("status")))
			.list();
	}

	public ImportStatus status(long jobId) {
		return ImportStatus.of(jdbc.sql("select status from interop.import_job where id = ?").param(jobId)
			.query(String.class).single());
	}

	/** Moves a job on, if its status allows; false when it does not (e.g. cancelled meanwhile). */
	public boolean move(long jobId, ImportStatus to, String message) {
		List<String> from = java.util.Arrays.stream(ImportStatus.values()).filter(s -> s.mayMoveTo(to))
			.map(ImportStatus::key).toList();
		return jdbc.sql("""
				update interop.import_job set status = ?, message = ?,
				    started_at = case when ? = 'running' then coalesce(started_at, now()) else started_at end,
				    finished_at = case when ? in ('done', 'failed', 'cancelled') then now() else null end
				where id = ? and status = any (?)
				""").params(to.key(), message, to.key(), to.key(), jobId, from.toArray(String[]::new)).update() == 1;
	}

	void fileStatus(long jobId, int no, String status) {
		jdbc.sql("update interop.import_file set status = ? where job_id = ? and file_no = ?")
			.params(status, jobId, no).update();
	}

	/**
	 * Records a committed batch: the file's committed line moves from {@code previousLine} to
	 * {@code lastLine} (else nothing is written and false comes back: someone else committed it).
	 */
	boolean advance(long jobId, int no, long previousLine, long lastLine, long bytesDone, Counts counts) {
		int moved = jdbc.sql("""
				update interop.import_file set lines_done = ?, bytes_done = ?
				where job_id = ? and file_no = ? and lines_done = ?
				""").params(lastLine, bytesDone, jobId, no, previousLine).update();
		if (moved != 1) {
			return false;
		}
		jdbc.sql("""
				update interop.import_job set read_count = read_count + ?, created_count = created_count + ?,
				    updated_count = updated_count + ?, unchanged_count = unchanged_count + ?, rejected_count = rejected_count + ?,
				    parse_wait_ms = parse_wait_ms + ?, store_ms = store_ms + ?
				where id = ?
				""").params(counts.read(), counts.created(), counts.updated(), counts.unchanged(), counts.rejected(),
					counts.parseWaitMillis(), counts.storeMillis(), jobId)
			.update();
		return true;
	}

	/** A file that cannot be read at all: one rejection for the whole file (line 0), and the file is done with. */
	void refuse(long jobId, int no, Rejection rejection) {
		reject(jobId, no, List.of(rejection));
		fileStatus(jobId, no, "refused");
		jdbc.sql("update interop.import_job set read_count = read_count + 1, rejected_count = rejected_count + 1 where id = ?")
			.param(jobId).update();
	}

	void reject(long jobId, int no, List<Rejection> rejections) {
		StringBuilder rows = new StringBuilder();
		for (Rejection r : rejections) {
			rows.append(jobId).append('\t').append(no).append('\t').append(r.line()).append('\t')
				.append(PgCopy.text(r.resourceType())).append('\t').append(PgCopy.text(r.id())).append('\t')
				.append(PgCopy.text(r.path())).append('\t').append(PgCopy.text(r.reason())).append('\n');
		}
		PgCopy.copyIn(template, """
				copy interop.import_rejection (job_id, file_no, line, resource_type, resource_id, path, reason) from stdin
				""", rows);
	}

	/** Remembers which Patient each CSV patient key was imported as (a newer import of the key wins). */
	void rememberPatients(String institution, List<String[]> keys) {
		if (keys.isEmpty()) {
			return;
		}
		Map<String, String[]> unique = keys.stream()
			.collect(Collectors.toMap(k -> k[0] + "|" + k[1], k -> k, (a, b) -> b, java.util.LinkedHashMap::new));
		jdbc.sql("""
				insert into interop.csv_patient (institution_code, kind, key_hash, patient_id)
				select ?, k, h, p from unnest(?::text[], ?::text[], ?::text[]) as t (k, h, p)
				on conflict (institution_code, kind, key_hash) do update set patient_id = excluded.patient_id
				""").params(institution, unique.values().stream().map(k -> k[0]).toArray(String[]::new),
					unique.values().stream().map(k -> k[1]).toArray(String[]::new),
					unique.values().stream().map(k -> k[2]).toArray(String[]::new))
			.update();
	}

	Optional<String> csvPatient(String institution, String kind, String keyHash) {
		return jdbc.sql("select patient_id from interop.csv_patient where institution_code = ? and kind = ? and key_hash = ?")
			.params(institution, kind, keyHash).query(String.class).optional();
	}

	/** The error report: one CSV line per rejected record, by file and line. */
	public void writeRejections(long jobId, Writer out) throws IOException {
		out.write("file,line,resource,id,path,reason\n");
		try {
			jdbc.sql("""
					select f.name, r.line, r.resource_type, r.resource_id, r.path, r.reason
					from interop.import_rejection r join interop.import_file f on f.job_id = r.job_id and f.file_no = r.file_no
					where r.job_id = ? order by r.file_no, r.line
					""").param(jobId)
				.query(rs -> {
					try {
						out.write(String.join(",", csv(rs.getString(1)), String.valueOf(rs.getLong(2)), csv(rs.getString(3)),
								csv(rs.getString(4)), csv(rs.getString(5)), csv(rs.getString(6))));
						out.write('\n');
					}
					catch (IOException ex) {
						throw new java.io.UncheckedIOException(ex);
					}
				});
		}
		catch (java.io.UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

	private static String csv(String value) {
		if (value == null) {
			return "";
		}
		String v = value.replace("\r", " ").replace("\n", " ");
		// a leading = + - @ would be a formula to a spreadsheet
		if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
			v = "'" + v;
		}
		return v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
	}

	/** Jobs of the JSON API that a stopped server left queued or running. */
	List<Long> unfinishedApiJobs() {
		return jdbc.sql("select id from interop.import_job where via = 'api' and status in ('queued', 'running') order by id")
			.query(Long.class).list();
	}

}
