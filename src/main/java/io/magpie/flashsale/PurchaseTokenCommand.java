package io.magpie.flashsale;

/** Asks for a purchase token for a customer; {@code client_ip} as in {@link ReserveCommand}. */
public record PurchaseTokenCommand(String customerId, String clientIp) {}
