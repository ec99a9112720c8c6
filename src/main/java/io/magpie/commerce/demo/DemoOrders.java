package io.magpie.commerce.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/** A year of deterministic order history: seasonality, loyal customers, cancellations and refunds. */
final class DemoOrders {

    enum Fate {
        UNPAID,
        CANCELLED,
        PAID,
        PARTIALLY_REFUNDED,
        REFUNDED
    }

    record Line(int sku, int quantity, long unitPrice, long discount) {
        long amount() {
            return quantity * unitPrice - discount;
        }
    }

    record Order(
            int customer, int store, String channel, Instant orderedAt, Fate fate, long freight, List<Line> lines) {
        long subtotal() {
            return lines.stream().mapToLong(Line::amount).sum();
        }
    }

    record SkuRef(long price, int popularity) {}

    private DemoOrders() {}

    static List<Order> generate(
            Random random,
            int count,
            List<SkuRef> skus,
            double[] customerActivity,
            int stores,
            Instant now,
            ZoneId zone) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate first = today.minusDays(364);
        double[] dayWeights = new double[365];
        for (int d = 0; d < 365; d++) {
            dayWeights[d] = DemoCalendar.weight(first.plusDays(d), d / 364.0);
        }
        double[] hourWeights = new double[24];
        for (int h = 0; h < 24; h++) {
            hourWeights[h] = DemoCalendar.hourWeight(h);
        }
        Sampler days = new Sampler(dayWeights);
        Sampler hours = new Sampler(hourWeights);
        Sampler customers = new Sampler(customerActivity);
        Sampler products =
                new Sampler(skus.stream().mapToDouble(SkuRef::popularity).toArray());

        List<Order> orders = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            LocalDate day = first.plusDays(days.next(random));
            Instant at = day.atStartOfDay(zone)
                    .plusHours(hours.next(random))
                    .plusSeconds(random.nextInt(3600))
                    .toInstant();
            if (at.isAfter(now.minus(Duration.ofMinutes(5)))) {
                at = now.minus(Duration.ofMinutes(5 + random.nextInt(600)));
            }
            boolean inStore = random.nextInt(100) < 28;
            int store = inStore ? random.nextInt(stores) : -1;
            String channel = inStore ? "store" : random.nextInt(100) < 35 ? "mini_program" : "online";
            List<Line> lines = lines(random, skus, products);
            long subtotal = lines.stream().mapToLong(Line::amount).sum();
            long freight = !inStore && subtotal < 9900 ? 1000 : 0;
            orders.add(new Order(customers.next(random), store, channel, at, fate(random, at, now), freight, lines));
        }
        orders.sort(Comparator.comparing(Order::orderedAt));
        return orders;
    }

    private static List<Line> lines(Random random, List<SkuRef> skus, Sampler products) {
        int r = random.nextInt(100);
        int n = r < 50 ? 1 : r < 80 ? 2 : r < 95 ? 3 : 4;
        List<Line> lines = new ArrayList<>(n);
        List<Integer> used = new ArrayList<>();
        while (lines.size() < n) {
            int sku = products.next(random);
            if (used.contains(sku)) {
                continue;
            }
            used.add(sku);
            int q = random.nextInt(100);
            int quantity = q < 75 ? 1 : q < 95 ? 2 : 3;
            long price = skus.get(sku).price();
            // about one line in six carries a 10–20% markdown
            long discount = random.nextInt(6) == 0 ? quantity * price * (10 + random.nextInt(11)) / 100 : 0;
            lines.add(new Line(sku, quantity, price, discount));
        }
        return lines;
    }

    private static Fate fate(Random random, Instant at, Instant now) {
        if (at.isAfter(now.minus(Duration.ofHours(30))) && random.nextInt(100) < 25) {
            return Fate.UNPAID;
        }
        int r = random.nextInt(1000);
        if (r < 55) {
            return Fate.CANCELLED;
        }
        if (r < 135) {
            return Fate.PARTIALLY_REFUNDED;
        }
        if (r < 155) {
            return Fate.REFUNDED;
        }
        return Fate.PAID;
    }
}
