package io.magpie.promotion.web;

import io.magpie.promotion.CampaignView;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** A campaign's rule settings as labelled rows for the detail page (tiers and SKU prices apart). */
final class CampaignDetails {

    private CampaignDetails() {}

    /**
     * One setting. MONEY and COUNT carry {@code number}; PERCENT carries {@code percent} ("15") and
     * {@code zhe} ("8.5"); TEXT carries {@code text}.
     */
    record Row(String key, String kind, Long number, String text, String percent, String zhe) {}

    /** A ladder step: threshold in fen (or items) and either an amount or a percent off. */
    record Tier(long threshold, boolean items, Long amountOff, String percent, String zhe) {}

    record Rows(List<Row> settings, List<Tier> tiers, List<Row> skuPrices) {}

    static Rows rows(CampaignView v) {
        JsonNode c = v.config();
        boolean items = c.has("basis") && c.get("basis").asString().equals("ITEMS");
        var settings = new ArrayList<Row>();
        var tiers = new ArrayList<Tier>();
        var prices = new ArrayList<Row>();
        c.properties().forEach(e -> {
            String key = e.getKey();
            JsonNode value = e.getValue();
            switch (key) {
                case "tiers" ->
                    value.forEach(t -> {
                        Long bp = t.has("percent_off_bp")
                                ? t.get("percent_off_bp").asLong()
                                : null;
                        tiers.add(new Tier(
                                t.get("threshold").asLong(),
                                items,
                                t.has("amount_off") ? t.get("amount_off").asLong() : null,
                                bp == null ? null : CampaignForm.percentText(bp),
                                bp == null ? null : zhe(bp)));
                    });
                case "sku_prices" ->
                    value.properties()
                            .forEach(sp -> prices.add(
                                    new Row(sp.getKey(), "MONEY", sp.getValue().asLong(), null, null, null)));
                case "basis", "gift_sku" -> settings.add(new Row(key, "TEXT", null, value.asString(), null, null));
                case "threshold" ->
                    settings.add(new Row(key, items ? "COUNT" : "MONEY", value.asLong(), null, null, null));
                default -> {
                    long n = value.asLong();
                    if (CampaignForm.PERCENT_FIELDS.contains(key)) {
                        settings.add(new Row(key, "PERCENT", n, null, CampaignForm.percentText(n), zhe(n)));
                    } else {
                        String kind = CampaignForm.MONEY_FIELDS.contains(key) ? "MONEY" : "COUNT";
                        settings.add(new Row(key, kind, n, null, null, null));
                    }
                }
            }
        });
        return new Rows(settings, tiers, prices);
    }

    /** The 折 figure of a percent off: 1500 bp off → "8.5". */
    static String zhe(long bp) {
        return BigDecimal.valueOf(10_000 - bp, 3).stripTrailingZeros().toPlainString();
    }
}
