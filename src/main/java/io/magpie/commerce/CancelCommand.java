package io.magpie.commerce;

/** Cancels an unpaid order, with an optional reason. */
record CancelCommand(String reason) {}
