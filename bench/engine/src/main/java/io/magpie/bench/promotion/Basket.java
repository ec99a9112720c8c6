package io.magpie.bench.promotion;

import io.magpie.bench.promotion.RuleSet.BenchCart;
import java.util.ArrayList;
import java.util.List;
import org.kie.api.definition.type.ClassReactive;

/**
 * Working state of one cart for the two rule engines (Drools and Easy Rules): their rules match on it
 * and call these small money operations in their actions. Amounts in fen.
 */
@ClassReactive
public final class Basket {

    /** One cart line as a rule-engine fact: price-layer rules propose unit prices on it. */
    public static final class Item {
        private final String sku;
        private final int category;
        private final int quantity;
        private final long unitPrice;
        private long bestUnit;
        long amount;

        Item(String sku, int category, int quantity, long unitPrice) {
            this.sku = sku;
            this.category = category;
            this.quantity = quantity;
            this.unitPrice = unitPrice;
            this.bestUnit = unitPrice;
        }

        public String getSku() {
            return sku;
        }

        public int getCategory() {
            return category;
        }

        public int getQuantity() {
            return quantity;
        }

        public long getUnitPrice() {
            return unitPrice;
        }

        /** A limited-time fixed unit price: the lowest proposal wins. */
        public void proposeFixed(long price) {
            bestUnit = Math.min(bestUnit, Math.max(0, price));
        }

        /** A limited-time percent off the unit price (rounded half up once): the lowest proposal wins. */
        public void proposePercent(int percentOffBp) {
            proposeFixed(unitPrice - RuleSet.bp(unitPrice, percentOffBp));
        }
    }

    private final List<Item> items;
    private final long freight;
    private int stage = 2;
    private final long[] categoryEntry = new long[RuleSet.CATEGORIES];
    private final long[] categoryCurrent = new long[RuleSet.CATEGORIES];
    private long goodsEntry;
    private long goodsCurrent;
    private long freightDiscount;

    public Basket(BenchCart cart) {
        items = new ArrayList<>(cart.lines().size());
        for (var line : cart.lines()) {
            items.add(new Item(line.sku().code(), line.sku().category(), line.quantity(), line.sku().price()));
        }
        freight = cart.freight();
    }

    public List<Item> items() {
        return items;
    }

    public int getStage() {
        return stage;
    }

    /** Ends the price layer: lines take their lowest proposed price; stage-3 entry amounts are fixed. */
    public void closePriceLayer() {
        for (Item item : items) {
            item.amount = item.bestUnit * item.quantity;
            categoryEntry[item.category] += item.amount;
            goodsEntry += item.amount;
        }
        System.arraycopy(categoryEntry, 0, categoryCurrent, 0, categoryEntry.length);
        goodsCurrent = goodsEntry;
        stage = 3;
    }

    public long categoryEntry(int category) {
        return categoryEntry[category];
    }

    public long categoryCurrent(int category) {
        return categoryCurrent[category];
    }

    /** Entry amount of the lines of these SKUs. */
    public long skuEntry(String a, String b, String c) {
        long sum = 0;
        for (Item item : items) {
            if (item.sku.equals(a) || item.sku.equals(b) || item.sku.equals(c)) {
                sum += item.amount;
            }
        }
        return sum;
    }

    public long getGoodsEntry() {
        return goodsEntry;
    }

    public long getGoodsCurrent() {
        return goodsCurrent;
    }

    public void offCategory(int category, long amount) {
        categoryCurrent[category] -= amount;
        goodsCurrent -= amount;
    }

    public void offGoods(long amount) {
        goodsCurrent -= amount;
    }

    public void freeShipping() {
        freightDiscount = freight;
    }

    public long payable() {
        return goodsCurrent + freight - freightDiscount;
    }

    public static long bp(long amount, long bp) {
        return RuleSet.bp(amount, bp);
    }
}
