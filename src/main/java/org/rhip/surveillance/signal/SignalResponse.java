package org.rhip.surveillance.signal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.rhip.platform.problem.Forbidden;
import org.rhip.platform.problem.InvalidInput;
import org.rhip.platform.problem.NotFound;
import org.rhip.registry.RegistryApi;
import org.rhip.security.RhipPrincipal;
import org.rhip.security.Role;
import org.rhip.surveillance.AlertView;
import org.rhip.surveillance.Notification;
import org.rhip.surveillance.SignalStatus;
import org.rhip.surveillance.SignalView;
import org.rhip.surveillance.reference.AlertRules;
import org.rhip.surveillance.reference.ReferenceData;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The response to signals (信号响应): reading them within one's scope, moving them through
 * {@link SignalStatus}, and field-investigation notes, each written to the signal's timeline. The
 * first action by a person sets the time of first response.
 */
@Service
public class SignalResponse {

	private static final String SELECT = """
			select s.*, (select array_agg(distinct a.method order by a.method) from surveillance.alarm a where a.signal_id = s.id) methods,
			       (select max(a.count) from surveillance.alarm a where a.signal_id = s.id) max_count,
			       (select al.level from surveillance.alert_signal x join surveillance.alert al on al.id = x.alert_id
			         where x.signal_id = s.id
			         order by array_position(array['red','orange','yellow','blue'], al.level) limit 1) alert_level
			from surveillance.signal s
			""";

	private final JdbcClient jdbc;

	private final RegistryApi registry;

	private final ReferenceData reference;

	private final AlertRules rules;

	SignalResponse(JdbcClient jdbc, RegistryApi registry, ReferenceData reference, AlertRules rules) {
		this.jdbc = jdbc;
		this.registry = registry;
		this.reference = reference;
		this.rules = rules;
	}

	/** Signals in an org unit's subtree whose days touch [from, to], or open ones when {@code openOnly}. */
	public List<SignalView> signals(String orgUnit, LocalDate from, LocalDate to, boolean openOnly, RhipPrincipal who) {
		checkScope(orgUnit, who);
		return jdbc.sql(SELECT + """
				where s.org_unit_code = any(:units) and s.last_day >= :from and s.first_day <= :to
				  and (not :openOnly or s.status in ('new', 'verifying', 'suspected_event', 'confirmed_event'))
				order by s.class_a desc, s.last_day desc, s.id desc limit 2000
				""")
			.param("units", registry.subtreeCodes(orgUnit).toArray(String[]::new)).param("from", from).param("to", to)
			.param("openOnly", openOnly)
			.query(this::view).list();
	}

	public SignalView signal(long id, RhipPrincipal who) {
		SignalView view = jdbc.sql(SELECT + " where s.id = :id").param("id", id).query(this::view).optional()
			.orElseThrow(() -> new NotFound("signal.not-found", "no signal " + id));
		if (who.scope().isPresent() && !registry.isWithin(view.orgUnit(), who.scope().get())) {
			throw new NotFound("signal.not-found", "no signal " + id);
		}
		return view;
	}

	public List<SignalView.Event> timeline(long id, RhipPrincipal who) {
		signal(id, who);
		return jdbc.sql("select * from surveillance.signal_event where signal_id = :id order by at, id").param("id", id)
			.query((rs, n) -> new SignalView.Event(rs.getObject("at", OffsetDateTime.class), rs.getString("actor"),
					rs.getString("action"), Optional.ofNullable(rs.getString("from_status")).flatMap(SignalStatus::of),
					Optional.ofNullable(rs.getString("to_status")).flatMap(SignalStatus::of),
					Optional.ofNullable(rs.getString("note"))))
			.list();
	}

	/** Moves a signal on; only the moves {@link SignalStatus#next()} allows. */
	@Transactional
	public SignalView transition(long id, String to, String note, RhipPrincipal who) {
		mayRespond(who);
		SignalView signal = signal(id, who);
		SignalStatus target = SignalStatus.of(to == null ? "" : to.strip())
			.orElseThrow(() -> new InvalidInput("signal.status", "status", "unknown status '" + to + "'"));
		if (!signal.status().canMoveTo(target)) {
			throw new InvalidInput("signal.transition", "status", "a " + signal.status().key() + " signal cannot become "
					+ target.key() + " (allowed: " + String.join(", ", signal.status().next().stream().map(SignalStatus::key)
						.sorted().toList()) + ")");
		}
		if ((target == SignalStatus.EXCLUDED || target == SignalStatus.CONFIRMED_EVENT) && (note == null || note.isBlank())) {
			throw new InvalidInput("signal.note-required", "note", "say why the signal is " + target.key());
		}
		int updated = jdbc.sql("""
				update surveillance.signal set status = :to, first_response_at = coalesce(first_response_at, now()),
				    closed_at = case when :to in ('excluded', 'closed') then now() else closed_at end
				where id = :id and status = :from
				""")
			.param("to", target.key()).param("from", signal.status().key()).param("id", id).update();
		if (updated == 0) {
			throw new InvalidInput("signal.changed", "status", "the signal was changed meanwhile; reload it");
		}
		event(id, who.name(), "status", signal.status().key(), target.key(), note);
		return signal(id, who);
	}

	/** A field-investigation note; counts as a response. */
	@Transactional
	public SignalView note(long id, String note, RhipPrincipal who) {
		mayRespond(who);
		signal(id, who);
		if (note == null || note.isBlank()) {
			throw new InvalidInput("signal.note", "note", "the note is empty");
		}
		jdbc.sql("update surveillance.signal set first_response_at = coalesce(first_response_at, now()) where id = :id")
			.param("id", id).update();
		event(id, who.name(), "note", null, null, note);
		return signal(id, who);
	}

	/** Alerts in an org unit's subtree touching [from, to], highest level first. */
	public List<AlertView> alerts(String orgUnit, LocalDate from, LocalDate to, RhipPrincipal who) {
		checkScope(orgUnit, who);
		return jdbc.sql("""
				select a.*, array(select signal_id from surveillance.alert_signal x where x.alert_id = a.id order by signal_id) signals
				from surveillance.alert a
				where a.org_unit_code = any(:units) and a.last_day >= :from and a.first_day <= :to
				order by array_position(array['red','orange','yellow','blue'], a.level), a.last_day desc, a.id desc limit 500
				""")
			.param("units", registry.subtreeCodes(orgUnit).toArray(String[]::new)).param("from", from).param("to", to)
			.query((rs, n) -> {
				String group = rs.getString("group_code");
				AlertRules.Group g = rules.group(group).orElse(null);
				return new AlertView(rs.getLong("id"), group, g == null ? group : g.name(), rs.getString("org_unit_code"),
						placeName(rs.getString("org_unit_code")), rs.getObject("first_day", LocalDate.class),
						rs.getObject("last_day", LocalDate.class), rs.getString("level"),
						List.of((String[]) rs.getArray("sources").getArray()),
						Arrays.stream((Long[]) rs.getArray("signals").getArray()).toList());
			})
			.list();
	}

	/** The console messages of a user, unread first. */
	public List<Notification> notifications(RhipPrincipal who, int limit) {
		return jdbc.sql("""
				select id, signal_id, message, created_at, read_at from surveillance.notification where recipient = :me
				order by read_at is not null, created_at desc limit :limit
				""")
			.param("me", who.name()).param("limit", limit)
			.query((rs, n) -> new Notification(rs.getLong(1), rs.getLong(2), rs.getString(3),
					rs.getObject(4, OffsetDateTime.class), Optional.ofNullable(rs.getObject(5, OffsetDateTime.class))))
			.list();
	}

	@Transactional
	public void markRead(long notificationId, RhipPrincipal who) {
		jdbc.sql("update surveillance.notification set read_at = now() where id = :id and recipient = :me and read_at is null")
			.param("id", notificationId).param("me", who.name()).update();
	}

	private void event(long id, String actor, String action, String from, String to, String note) {
		jdbc.sql("""
				insert into surveillance.signal_event (signal_id, actor, action, from_status, to_status, note)
				values (:id, :actor, :action, :from, :to, :note)
				""")
			.param("id", id).param("actor", actor).param("action", action).param("from", from).param("to", to)
			.param("note", note == null || note.isBlank() ? null : note.strip())
			.update();
	}

	private void checkScope(String orgUnit, RhipPrincipal who) {
		registry.orgUnit(orgUnit);
		if (who.scope().isPresent() && !registry.isWithin(orgUnit, who.scope().get())) {
			throw new Forbidden("orgUnit", "org unit " + orgUnit + " is outside your scope");
		}
	}

	private static void mayRespond(RhipPrincipal who) {
		if (who.role() != Role.ADMIN && who.role() != Role.EPIDEMIOLOGIST) {
			throw new Forbidden("role", "only an epidemiologist responds to signals");
		}
	}

	private SignalView view(ResultSet rs, int n) throws SQLException {
		String stream = rs.getString("stream");
		String subject = rs.getString("subject");
		java.sql.Array methods = rs.getArray("methods");
		return new SignalView(rs.getLong("id"), stream, subject, reference.seriesName(stream, subject), rs.getString("org_unit_code"),
				placeName(rs.getString("org_unit_code")), rs.getObject("first_day", LocalDate.class),
				rs.getObject("last_day", LocalDate.class), rs.getBoolean("class_a"),
				SignalStatus.of(rs.getString("status")).orElseThrow(), rs.getObject("raised_at", OffsetDateTime.class),
				Optional.ofNullable(rs.getObject("first_response_at", OffsetDateTime.class)),
				Optional.ofNullable(rs.getObject("closed_at", OffsetDateTime.class)),
				methods == null ? List.of() : new ArrayList<>(Arrays.asList((String[]) methods.getArray())),
				rs.getInt("max_count"), Optional.ofNullable(rs.getString("alert_level")));
	}

	private String placeName(String code) {
		return registry.findOrgUnit(code).map(u -> u.name()).orElse(code);
	}

}
