package io.magpie.console;

import io.magpie.commerce.CommerceSeed;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/** A plausible small shop for screenshots: a catalog, customers and three months of orders. */
public final class DemoShop {

    private DemoShop() {}

    public static void fill(CommerceSeed seed, Instant now) {
        long apparel = seed.category("apparel", "Apparel", null);
        long tops = seed.category("tops", "Tops", apparel);
        long shoes = seed.category("shoes", "Shoes", apparel);
        long home = seed.category("home", "Home & Kitchen", null);
        long food = seed.category("food", "Food & Drink", null);
        long acme = seed.brand("acme", "Acme");
        long north = seed.brand("north", "Northwind");
        var skus = List.of(
                seed.sku(seed.product("TEE-1", "Linen Tee", tops, acme), "TEE-1-M", "M / White", 12900, 15900L),
                seed.sku(seed.product("HOOD-1", "Fleece Hoodie", tops, north), "HOOD-1-L", "L / Grey", 32900, null),
                seed.sku(seed.product("RUN-1", "Trail Runner", shoes, north), "RUN-1-42", "EU 42", 59900, 69900L),
                seed.sku(seed.product("MUG-1", "Ceramic Mug", home, acme), "MUG-1", "350 ml", 4900, null),
                seed.sku(seed.product("POT-1", "Pour-over Kettle", home, null), "POT-1", "1 L", 21900, null),
                seed.sku(seed.product("BEAN-1", "Yunnan Coffee Beans", food, null), "BEAN-1-500", "500 g", 8800, null),
                seed.sku(seed.product("TEA-1", "Longjing Green Tea", food, null), "TEA-1-250", "250 g", 16800, null));
        long store = seed.store("SH-01", "Shanghai Xintiandi");
        long online = seed.store("WEB", "Online Store");
        String[] names = {"Li Lei", "Han Meimei", "Wang Fang", "Zhang Wei", "Liu Yang", "Chen Jing", "Zhao Min"};
        long[] customers = new long[names.length];
        for (int i = 0; i < names.length; i++) {
            customers[i] = seed.customer(
                    "C%05d".formatted(1001 + i),
                    names[i],
                    "13%d****%04d".formatted(8 - i % 3, 1234 + i * 97),
                    "%s***@example.com".formatted((char) ('a' + i)),
                    "{\"tier\": \"%s\", \"city\": \"Shanghai\"}".formatted(i % 3 == 0 ? "gold" : "silver"));
        }
        Random random = new Random(42);
        int n = 0;
        for (int day = 89; day >= 0; day--) {
            int orders = 2 + random.nextInt(4) + (day < 30 ? 2 : 0);
            for (int k = 0; k < orders; k++) {
                Instant at = now.minus(Duration.ofDays(day)).minus(Duration.ofMinutes(random.nextInt(600) + 5));
                int roll = random.nextInt(20);
                String status = roll == 0
                        ? "CANCELLED"
                        : roll == 1 ? "REFUNDED" : roll == 2 ? "PARTIALLY_REFUNDED" : roll == 3 ? "CREATED" : "PAID";
                var first = skus.get(random.nextInt(skus.size()));
                var second = skus.get(random.nextInt(skus.size()));
                var draft = seed.order("SO%s%04d"
                                .formatted(
                                        java.time.LocalDate.ofInstant(at, java.time.ZoneOffset.UTC)
                                                .toString()
                                                .replace("-", ""),
                                        ++n))
                        .at(at)
                        .customer(customers[random.nextInt(customers.length)])
                        .store(random.nextBoolean() ? store : online)
                        .line(first, 1 + random.nextInt(2), first.priceMinor(), random.nextInt(3) == 0 ? 1000 : 0)
                        .line(second, 1, second.priceMinor())
                        .freight(random.nextInt(4) == 0 ? 1000 : 0)
                        .status(status);
                if ("REFUNDED".equals(status)) {
                    draft.refunded(first.priceMinor());
                } else if ("PARTIALLY_REFUNDED".equals(status)) {
                    draft.refunded(second.priceMinor());
                }
                long id = draft.create();
                if ("PARTIALLY_REFUNDED".equals(status)) {
                    seed.refund(id, "RF%05d".formatted(n), "2", 1, second.priceMinor(), at.plus(Duration.ofDays(2)));
                }
            }
        }
    }
}
