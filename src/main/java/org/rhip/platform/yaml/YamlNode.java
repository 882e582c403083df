package org.rhip.platform.yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A node of a YAML data file that remembers its file and line, so that every error in a plan,
 * catalogue or registry file says where it is ({@code plans/x.yaml:42: unknown indicator FOO}).
 * Scalars are read as text and converted by the caller: no implicit typing surprises such as
 * {@code 01:00.7} turning into a sexagesimal number.
 */
public final class YamlNode {

	private final String file;

	private final Node node;

	private YamlNode(String file, Node node) {
		this.file = file;
		this.node = node;
	}

	public static YamlNode parse(String file, InputStream in) {
		try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
			LoaderOptions options = new LoaderOptions();
			options.setAllowDuplicateKeys(false);
			Node root = new Yaml(options).compose(reader);
			if (root == null) {
				throw new YamlProblem(file + ":1: the file is empty");
			}
			return new YamlNode(file, root);
		}
		catch (MarkedYAMLException ex) {
			int line = ex.getProblemMark() == null ? 0 : ex.getProblemMark().getLine() + 1;
			throw new YamlProblem(file + ":" + line + ": malformed YAML: " + ex.getProblem());
		}
		catch (IOException ex) {
			throw new YamlProblem(file + ": cannot be read: " + ex.getMessage());
		}
	}

	public String file() {
		return file;
	}

	public int line() {
		return node.getStartMark().getLine() + 1;
	}

	/** An error located at this node. */
	public YamlProblem problem(String reason) {
		return new YamlProblem(file + ":" + line() + ": " + reason);
	}

	public boolean isNull() {
		return node instanceof ScalarNode scalar && "tag:yaml.org,2002:null".equals(scalar.getTag().getValue());
	}

	public Optional<YamlNode> get(String key) {
		for (NodeTuple tuple : mapping().getValue()) {
			if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
				YamlNode value = new YamlNode(file, tuple.getValueNode());
				return value.isNull() ? Optional.empty() : Optional.of(value);
			}
		}
		return Optional.empty();
	}

	public YamlNode require(String key) {
		return get(key).orElseThrow(() -> problem("missing '" + key + "'"));
	}

	public String text() {
		if (!(node instanceof ScalarNode scalar)) {
			throw problem("expected a single value");
		}
		return scalar.getValue();
	}

	public String string(String key) {
		String value = require(key).text().strip();
		if (value.isEmpty()) {
			throw problem("'" + key + "' is empty");
		}
		return value;
	}

	public Optional<String> optionalString(String key) {
		return get(key).map(YamlNode::text).map(String::strip).filter(s -> !s.isEmpty());
	}

	public int integer(String key) {
		YamlNode value = require(key);
		try {
			return Integer.parseInt(value.text().strip());
		}
		catch (NumberFormatException ex) {
			throw value.problem("'" + key + "' must be a whole number, not '" + value.text() + "'");
		}
	}

	public List<YamlNode> list(String key) {
		return get(key).map(YamlNode::items).orElse(List.of());
	}

	public List<YamlNode> items() {
		if (!(node instanceof SequenceNode sequence)) {
			throw problem("expected a list");
		}
		List<YamlNode> items = new ArrayList<>();
		for (Node item : sequence.getValue()) {
			items.add(new YamlNode(file, item));
		}
		return items;
	}

	/** A list of scalars, or a single scalar read as a list of one. */
	public List<String> texts() {
		if (node instanceof ScalarNode) {
			return List.of(text().strip());
		}
		return items().stream().map(YamlNode::text).map(String::strip).toList();
	}

	public boolean isMapping() {
		return node instanceof MappingNode;
	}

	/** The entries of a mapping, keys as text, in file order. */
	public Map<String, YamlNode> entries() {
		Map<String, YamlNode> entries = new LinkedHashMap<>();
		for (NodeTuple tuple : mapping().getValue()) {
			if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
				throw problem("keys must be single values");
			}
			entries.put(key.getValue(), new YamlNode(file, tuple.getValueNode()));
		}
		return entries;
	}

	private MappingNode mapping() {
		if (!(node instanceof MappingNode mapping)) {
			throw problem("expected a mapping of keys to values");
		}
		return mapping;
	}

}
