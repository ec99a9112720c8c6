package io.magpie.promotion;

import io.magpie.promotion.pricing.Stage;
import tools.jackson.databind.JsonNode;

/**
 * A rule type a campaign may use: its id, pipeline stage, the campaign kind it fits and an example of
 * its {@code config} (amounts in fen, percents in basis points off).
 */
public record RuleTypeView(String id, Stage stage, CampaignKind kind, JsonNode example) {}
