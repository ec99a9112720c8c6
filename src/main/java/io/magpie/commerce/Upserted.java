package io.magpie.commerce;

/** The result of a create-or-replace: the stored value and whether it was new (201) or replaced (200). */
record Upserted<T>(T value, boolean created) {}
