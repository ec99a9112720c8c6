package io.magpie.tenant.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.tenant.web.AuditDiff.Change;
import io.magpie.tenant.web.AuditDiff.Kind;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AuditDiffTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void anUpdateShowsOnlyWhatChanged() {
        var changes = AuditDiff.of(
                json("{\"username\": \"ana\", \"role\": \"OPERATOR\", \"enabled\": true}"),
                json("{\"username\": \"ana\", \"role\": \"ANALYST\", \"enabled\": true}"));

        assertThat(changes).containsExactly(new Change("role", "OPERATOR", "ANALYST", Kind.CHANGED));
    }

    @Test
    void aCreationListsEveryFieldNamesFirst() {
        var changes =
                AuditDiff.of(null, json("{\"scopes\": [\"orders\", \"read\"], \"active\": true, \"name\": \"POS\"}"));

        assertThat(changes)
                .containsExactly(
                        new Change("name", null, "POS", Kind.ADDED),
                        new Change("active", null, "true", Kind.ADDED),
                        new Change("scopes", null, "orders, read", Kind.ADDED));
    }

    @Test
    void fieldsThatAppearOrDisappearAreMarked() {
        var changes = AuditDiff.of(
                json("{\"active\": true, \"note\": \"x\"}"),
                json("{\"active\": false, \"revoked_at\": \"2026-01-01T00:00:00Z\"}"));

        assertThat(changes)
                .containsExactly(
                        new Change("active", "true", "false", Kind.CHANGED),
                        new Change("note", "x", null, Kind.REMOVED),
                        new Change("revoked_at", null, "2026-01-01T00:00:00Z", Kind.ADDED));
    }

    @Test
    void nestedValuesAndNonObjectsStayReadable() {
        assertThat(AuditDiff.of(json("{\"limits\": {\"a\": 1}}"), json("{\"limits\": {\"a\": 2}}")))
                .containsExactly(new Change("limits", "{\"a\":1}", "{\"a\":2}", Kind.CHANGED));
        assertThat(AuditDiff.of(json("\"old\""), json("\"new\"")))
                .containsExactly(new Change("", "old", "new", Kind.CHANGED));
        assertThat(AuditDiff.of(json("null"), null)).isEmpty();
        assertThat(AuditDiff.of(json("{\"a\": null}"), json("{\"a\": null}"))).isEmpty();
        assertThat(AuditDiff.of(json("{\"a\": 1}"), json("{\"a\": 1}"))).isEmpty();
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
