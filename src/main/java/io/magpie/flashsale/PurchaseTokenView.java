package io.magpie.flashsale;

import java.time.Instant;

/**
 * A purchase token: pass it as {@code purchase_token} when reserving in this session for this
 * customer, before {@code expires_at}. {@code required} says whether the session insists on one.
 */
public record PurchaseTokenView(long sessionId, String customerId, String token, Instant expiresAt, boolean required) {}
