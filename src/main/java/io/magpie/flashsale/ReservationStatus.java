package io.magpie.flashsale;

/** RESERVED holds stock until paid (CONFIRMED), cancelled, or EXPIRED after the reservation TTL. */
public enum ReservationStatus {
    RESERVED,
    CONFIRMED,
    CANCELLED,
    EXPIRED
}
