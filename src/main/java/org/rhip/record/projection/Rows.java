package org.rhip.record.projection;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.rhip.platform.db.PgCopy;

/** The projection rows of one resource, in COPY text format, by table. */
public final class Rows {

	/** One row of one table. */
	public record Line(Table table, String row) {
	}

	private final List<Line> lines = new ArrayList<>(4);

	public List<Line> lines() {
		return lines;
	}

	Row row(Table table) {
		return new Row(table);
	}

	/** A row being written, column by column. */
	final class Row {

		private final Table table;

		private final StringBuilder s = new StringBuilder(128);

		Row(Table table) {
			this.table = table;
		}

		private int columns;

		private Row sep() {
			if (columns++ > 0) {
				s.append('\t');
			}
			return this;
		}

		Row text(String v) {
			sep().append(PgCopy.text(v));
			return this;
		}

		Row num(Number v) {
			sep().append(v == null ? "\\N" : v instanceof BigDecimal b ? b.toPlainString() : v.toString());
			return this;
		}

		Row date(LocalDate v) {
			sep().append(v == null ? "\\N" : v.toString());
			return this;
		}

		Row time(Instant v) {
			sep().append(v == null ? "\\N" : v.toString());
			return this;
		}

		private StringBuilder append(String v) {
			return s.append(v);
		}

		void end() {
			lines.add(new Line(table, s.append('\n').toString()));
		}

	}

}
