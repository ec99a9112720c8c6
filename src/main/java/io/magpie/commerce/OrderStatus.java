package io.magpie.commerce;

/** Where an order is in its life; stored as text. */
enum OrderStatus {
    CREATED,
    PAID,
    CANCELLED,
    PARTIALLY_REFUNDED,
    REFUNDED;

    /** Paid at some point: payment is settled and only refunds can follow. */
    boolean paid() {
        return this == PAID || this == PARTIALLY_REFUNDED || this == REFUNDED;
    }
}
