package io.magpie.tenant;

/** A key just created: {@code key} is the secret, returned this once and stored only as a hash. */
public record CreatedApiKey(ApiKeyView view, String key) {}
