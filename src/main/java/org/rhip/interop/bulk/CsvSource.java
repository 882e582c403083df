package org.rhip.interop.bulk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

import ca.uhn.fhir.parser.IParser;

import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.r4.model.Resource;

/**
 * A CSV file of one template: the header (Chinese or English, any order; unknown columns ignored)
 * names the columns, each row becomes FHIR resources or is rejected with its line, the column and
 * the reason. UTF-8 with or without a byte-order mark, or GB18030.
 */
final class CsvSource extends ParallelSource<CsvLines.Line> {

	private final CsvTemplate template;

	private final CsvContext context;

	private final CountingInputStream raw;

	private final BufferedReader in;

	private final CsvLines lines;

	private final int batchSize;

	private final Map<Column, Integer> index = new HashMap<>();

	private final Map<Column, String> headers = new LinkedHashMap<>();

	private long lastLine;

	CsvSource(Path file, String name, CsvTemplate template, CsvContext context, int batchSize, long afterLine,
			ExecutorService parsers) throws IOException {
		super(parsers);
		this.template = template;
		this.context = context;
		this.batchSize = batchSize;
		Charset charset = CsvCharset.detect(file, name);
		this.raw = Inputs.counting(file);
		this.in = new BufferedReader(new InputStreamReader(Inputs.decompressed(raw, name), charset), 1 << 16);
		this.lines = new CsvLines(in);
		readHeader();
		while (lines.line() <= afterLine && lines.next().isPresent()) {
			// skip what a resumed job committed before
		}
		lastLine = Math.max(afterLine, lines.line() - 1);
	}

	private void readHeader() throws IOException {
		Optional<CsvLines.Line> header = lines.next();
		while (header.isPresent() && header.get().blank()) {
			header = lines.next();
		}
		if (header.isEmpty()) {
			throw new FileProblem("header", "the file is empty (no header line)");
		}
		List<String> fields = header.get().fields();
		for (int i = 0; i < fields.size(); i++) {
			String h = fields.get(i).strip();
			for (Column column : template.columns) {
				if (!h.isEmpty() && column.matches(h)) {
					if (index.containsKey(column)) {
						throw new FileProblem(h, "two columns mean " + column.chinese() + " (" + column.key() + ")");
					}
					index.put(column, i);
					headers.put(column, h);
					break;
				}
			}
		}
		List<String> missing = template.columns.stream()
			.filter(c -> c.required() && !index.containsKey(c))
			.map(c -> c.chinese() + " (" + c.key() + ")")
			.toList();
		if (!missing.isEmpty()) {
			throw new FileProblem("header", "the " + template.key + " template needs the column(s) " + String.join(", ", missing));
		}
	}

	@Override
	protected Optional<Chunk<CsvLines.Line>> readChunk() throws IOException {
		List<CsvLines.Line> rows = new ArrayList<>(batchSize);
		long[] numbers = new long[batchSize];
		long before = lastLine;
		while (rows.size() < batchSize) {
			Optional<CsvLines.Line> line = lines.next();
			if (line.isEmpty()) {
				break;
			}
			lastLine = lines.line() - 1;
			if (!line.get().blank()) {
				numbers[rows.size()] = line.get().line();
				rows.add(line.get());
			}
		}
		return lastLine == before ? Optional.empty() : Optional.of(new Chunk<>(rows, numbers, lastLine, raw.count()));
	}

	@Override
	protected void parse(IParser parser, long line, CsvLines.Line item, List<Parsed> out) {
		Row row = new Row(line, item.fields(), index, headers, context.today);
		try {
			if (template.itemMapper != null) {
				out.add(new Parsed.Item(line, template.itemMapper.map(row)));
				return;
			}
			for (Resource resource : template.mapper.map(row, context)) {
				out.add(new Parsed.Ok(line, resource));
			}
		}
		catch (RowProblem ex) {
			out.add(Rejection.of(line, template.resourceType, null, ex.column(), ex.getMessage()));
		}
		catch (FHIRException | IllegalArgumentException ex) {
			out.add(Rejection.of(line, template.resourceType, null, null, FhirJson.reason(ex)));
		}
	}

	@Override
	protected void closeInput() throws IOException {
		in.close();
	}

}
