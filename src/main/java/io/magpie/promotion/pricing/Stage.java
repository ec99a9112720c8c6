package io.magpie.promotion.pricing;

/** Pipeline stages of DOMAIN §2 in application order; each rule type declares one. */
public enum Stage {
    ACTIVITY_PRICE(1),
    PRICE_LAYER(2),
    THRESHOLD(3),
    COUPON(4),
    POINTS(5),
    FREIGHT(6),
    EARNINGS(7);

    private final int number;

    Stage(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }
}
