package dev.lanyard.issuer.agent;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A composed YAML node with its source line and field path, so every refusal names
 * {@code bot.yaml:LINE: path: reason}. Mappings are checked against their allowed keys.
 */
record YamlNode(String source, String path, Node node) {

    int line() {
        return node.getStartMark().getLine() + 1;
    }

    LanyardException invalid(String reason) {
        return new LanyardException(Failure.INVALID_INPUT, source + ":" + line() + ": "
                + (path.isEmpty() ? "" : path + ": ") + reason);
    }

    /** The entries of a mapping, refusing keys outside {@code allowed} with the key's own line. */
    Map<String, YamlNode> mapping(Set<String> allowed) {
        if (!(node instanceof MappingNode m)) {
            throw invalid("must be a mapping");
        }
        Map<String, YamlNode> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                throw new YamlNode(source, path, t.getKeyNode()).invalid("keys must be plain names");
            }
            String key = k.getValue();
            if (!allowed.contains(key)) {
                throw new YamlNode(source, path, k).invalid("unknown key '" + key + "'; allowed: "
                        + String.join(", ", new TreeSet<>(allowed)));
            }
            out.put(key, new YamlNode(source, path.isEmpty() ? key : path + "." + key, t.getValueNode()));
        }
        return out;
    }

    List<YamlNode> sequence() {
        if (!(node instanceof SequenceNode s)) {
            throw invalid("must be a list");
        }
        List<YamlNode> out = new ArrayList<>();
        for (int i = 0; i < s.getValue().size(); i++) {
            out.add(new YamlNode(source, path + "[" + i + "]", s.getValue().get(i)));
        }
        return out;
    }

    boolean isScalar() {
        return node instanceof ScalarNode;
    }

    String text() {
        if (!(node instanceof ScalarNode s)) {
            throw invalid("must be a single value");
        }
        if (s.getValue().isBlank()) {
            throw invalid("must not be empty");
        }
        if (s.getValue().length() > 4096) {
            throw invalid("is longer than 4096 characters");
        }
        return s.getValue();
    }

    List<String> texts() {
        List<String> out = new ArrayList<>();
        for (YamlNode n : sequence()) {
            out.add(n.text());
        }
        return out;
    }

    boolean bool() {
        return switch (text()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid("must be true or false");
        };
    }
}
