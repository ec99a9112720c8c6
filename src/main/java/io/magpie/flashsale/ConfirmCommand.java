package io.magpie.flashsale;

/** Confirms a reservation explicitly, recording the shop's order id when given. */
public record ConfirmCommand(String orderId) {}
