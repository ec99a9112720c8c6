package io.magpie.commerce.web;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Free-form JSON attributes (of products, SKUs, customers) as display pairs; nested values stay JSON. */
final class Attributes {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Attributes() {}

    static Map<String, String> of(String json) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (json == null || json.isBlank()) {
            return pairs;
        }
        try {
            JsonNode node = JSON.readTree(json);
            node.properties().forEach(e -> {
                JsonNode v = e.getValue();
                pairs.put(e.getKey(), v.isValueNode() ? v.asString() : v.toString());
            });
        } catch (JacksonException e) {
            pairs.put("", json);
        }
        return pairs;
    }
}
